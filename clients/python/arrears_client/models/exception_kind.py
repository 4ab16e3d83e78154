from enum import StrEnum


class ExceptionKind(StrEnum):
    AMOUNT_MISMATCH = "amount_mismatch"
    UNMATCHED_PAYMENT = "unmatched_payment"
    UNMATCHED_ROW = "unmatched_row"

    def __str__(self) -> str:
        return str(self.value)
