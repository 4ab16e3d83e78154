from enum import StrEnum


class Remedy(StrEnum):
    MONETARY = "monetary"
    NONE = "none"
    NON_MONETARY = "non_monetary"

    def __str__(self) -> str:
        return str(self.value)
