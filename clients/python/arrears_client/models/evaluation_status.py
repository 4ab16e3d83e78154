from enum import StrEnum


class EvaluationStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    DISPUTED = "disputed"
    RESOLVED = "resolved"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
