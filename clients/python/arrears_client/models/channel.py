from enum import StrEnum


class Channel(StrEnum):
    EMAIL = "email"
    LETTER = "letter"
    PHONE = "phone"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
