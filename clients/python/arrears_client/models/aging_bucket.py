from enum import StrEnum


class AgingBucket(StrEnum):
    CURRENT = "current"
    VALUE_1 = "1-30"
    VALUE_2 = "31-60"
    VALUE_3 = "61-90"
    VALUE_4 = "91-120"
    VALUE_5 = "121-180"
    VALUE_6 = "181+"

    def __str__(self) -> str:
        return str(self.value)
