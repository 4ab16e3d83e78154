from enum import StrEnum


class ArrangementStatus(StrEnum):
    ACTIVE = "active"
    BROKEN = "broken"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    PENDING_APPROVAL = "pending_approval"

    def __str__(self) -> str:
        return str(self.value)
