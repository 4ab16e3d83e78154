from enum import StrEnum


class ApprovalKind(StrEnum):
    ADJUSTMENT = "adjustment"
    ARRANGEMENT = "arrangement"
    SETTLEMENT = "settlement"
    WRITE_OFF = "write_off"

    def __str__(self) -> str:
        return str(self.value)
