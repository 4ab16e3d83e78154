from enum import StrEnum


class Scale(StrEnum):
    YES_NO = "yes_no"
    ZERO_TO_FIVE = "zero_to_five"

    def __str__(self) -> str:
        return str(self.value)
