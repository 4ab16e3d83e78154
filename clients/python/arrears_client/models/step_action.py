from enum import StrEnum


class StepAction(StrEnum):
    CALL = "call"
    EMAIL = "email"
    ESCALATE = "escalate"
    LETTER = "letter"
    REVIEW = "review"
    SETTLEMENT_OFFER = "settlement_offer"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
