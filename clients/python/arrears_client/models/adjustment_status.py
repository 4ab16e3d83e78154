from enum import StrEnum


class AdjustmentStatus(StrEnum):
    APPLIED = "applied"
    CANCELLED = "cancelled"
    PENDING_APPROVAL = "pending_approval"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
