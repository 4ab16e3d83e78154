from enum import StrEnum


class LedgerKind(StrEnum):
    ADJUSTMENT = "adjustment"
    PAYMENT = "payment"
    PAYMENT_REVERSAL = "payment_reversal"
    PLACEMENT = "placement"
    RECOVERY = "recovery"
    SETTLEMENT_FORGIVENESS = "settlement_forgiveness"
    WRITE_OFF = "write_off"

    def __str__(self) -> str:
        return str(self.value)
