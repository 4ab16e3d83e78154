from enum import StrEnum


class ArrangementKind(StrEnum):
    PLAN = "plan"
    PROMISE = "promise"

    def __str__(self) -> str:
        return str(self.value)
