from enum import StrEnum


class Resolution(StrEnum):
    ACCEPT = "accept"
    POST_PAYMENT = "post_payment"
    REVERSE_PAYMENT = "reverse_payment"

    def __str__(self) -> str:
        return str(self.value)
