from enum import StrEnum


class Outcome(StrEnum):
    BANKRUPTCY = "bankruptcy"
    BUSY = "busy"
    CALLBACK_REQUESTED = "callback_requested"
    CEASE_REQUEST = "cease_request"
    DECEASED = "deceased"
    DISCONNECTED = "disconnected"
    DISPUTE = "dispute"
    NO_ANSWER = "no_answer"
    PROMISE_TO_PAY = "promise_to_pay"
    REFUSED_TO_PAY = "refused_to_pay"
    RIGHT_PARTY_CONTACT = "right_party_contact"
    THIRD_PARTY = "third_party"
    VOICEMAIL_LEFT = "voicemail_left"
    WRONG_NUMBER = "wrong_number"

    def __str__(self) -> str:
        return str(self.value)
