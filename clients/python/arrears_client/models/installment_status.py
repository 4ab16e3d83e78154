from enum import StrEnum


class InstallmentStatus(StrEnum):
    MISSED = "missed"
    PAID = "paid"
    PARTIALLY_PAID = "partially_paid"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
