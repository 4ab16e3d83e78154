from enum import StrEnum


class ComplaintCategory(StrEnum):
    AGENT_CONDUCT = "agent_conduct"
    COMMUNICATION_TACTICS = "communication_tactics"
    DEBT_NOT_OWED = "debt_not_owed"
    FALSE_STATEMENTS = "false_statements"
    OTHER = "other"
    PAYMENT_HANDLING = "payment_handling"
    PRIVACY = "privacy"
    THREATENED_ACTION = "threatened_action"
    VALIDATION_NOTICE = "validation_notice"
    WRONG_AMOUNT = "wrong_amount"

    def __str__(self) -> str:
        return str(self.value)
