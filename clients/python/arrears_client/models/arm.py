from enum import StrEnum


class Arm(StrEnum):
    CHALLENGER = "challenger"
    CHAMPION = "champion"

    def __str__(self) -> str:
        return str(self.value)
