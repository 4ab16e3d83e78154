from enum import StrEnum


class Component(StrEnum):
    COSTS = "costs"
    FEES = "fees"
    INTEREST = "interest"
    PRINCIPAL = "principal"

    def __str__(self) -> str:
        return str(self.value)
