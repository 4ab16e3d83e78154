from enum import StrEnum


class CoachingActionStatus(StrEnum):
    COMPLETED = "completed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
