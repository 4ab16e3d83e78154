from enum import StrEnum


class AccountStatus(StrEnum):
    CLOSED = "closed"
    DISPUTED = "disputed"
    IN_ARRANGEMENT = "in_arrangement"
    LEGAL = "legal"
    OPEN = "open"
    PAID = "paid"
    SETTLED = "settled"
    WRITTEN_OFF = "written_off"

    def __str__(self) -> str:
        return str(self.value)
