from enum import StrEnum


class SurveyChannel(StrEnum):
    EMAIL = "email"
    IVR = "ivr"
    LETTER = "letter"
    PHONE = "phone"
    SMS = "sms"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
