from enum import StrEnum


class PaymentMethod(StrEnum):
    ACH = "ach"
    CARD = "card"
    CASH = "cash"
    CHECK = "check"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
