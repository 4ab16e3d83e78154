from enum import StrEnum


class AdjustmentReason(StrEnum):
    BALANCE_CORRECTION = "balance_correction"
    BILLING_ERROR = "billing_error"
    COURT_COSTS = "court_costs"
    FEE_ASSESSED = "fee_assessed"
    FEE_WAIVER = "fee_waiver"
    GOODWILL = "goodwill"
    INTEREST_ACCRUAL = "interest_accrual"
    INTEREST_WAIVER = "interest_waiver"
    PLACEMENT_UPDATE = "placement_update"

    def __str__(self) -> str:
        return str(self.value)
