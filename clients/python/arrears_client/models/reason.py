from enum import StrEnum


class Reason(StrEnum):
    ACCOUNT_DISPUTED = "account_disputed"
    ACCOUNT_IN_LEGAL = "account_in_legal"
    ATTEMPT_CAP_REACHED = "attempt_cap_reached"
    ATTORNEY_REPRESENTED = "attorney_represented"
    CEASE_COMMUNICATION = "cease_communication"
    DO_NOT_CALL = "do_not_call"
    DO_NOT_EMAIL = "do_not_email"
    DO_NOT_SMS = "do_not_sms"
    NO_COMMON_CALLING_HOURS = "no_common_calling_hours"
    NO_EMAIL_ADDRESS = "no_email_address"
    NO_VALID_PHONE = "no_valid_phone"
    OPEN_COMPLAINT = "open_complaint"
    OUTSIDE_CALLING_HOURS = "outside_calling_hours"
    RECENT_CONVERSATION = "recent_conversation"

    def __str__(self) -> str:
        return str(self.value)
