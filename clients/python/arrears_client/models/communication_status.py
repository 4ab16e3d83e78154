from enum import StrEnum


class CommunicationStatus(StrEnum):
    BLOCKED = "blocked"
    FAILED = "failed"
    PENDING = "pending"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
