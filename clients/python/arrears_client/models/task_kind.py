from enum import StrEnum


class TaskKind(StrEnum):
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
