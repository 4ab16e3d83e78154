from enum import StrEnum


class ComplaintSource(StrEnum):
    CFPB = "cfpb"
    CLIENT = "client"
    DIRECT = "direct"
    OTHER = "other"
    STATE_REGULATOR = "state_regulator"

    def __str__(self) -> str:
        return str(self.value)
