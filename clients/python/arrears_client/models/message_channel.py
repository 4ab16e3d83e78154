from enum import StrEnum


class MessageChannel(StrEnum):
    EMAIL = "email"
    LETTER = "letter"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
