from enum import StrEnum


class ApprovalStatus(StrEnum):
    APPROVED = "approved"
    CANCELLED = "cancelled"
    FULFILLED = "fulfilled"
    LAPSED = "lapsed"
    PENDING = "pending"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
