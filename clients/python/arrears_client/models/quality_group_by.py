from enum import StrEnum


class QualityGroupBy(StrEnum):
    AGENT = "agent"
    TEAM = "team"

    def __str__(self) -> str:
        return str(self.value)
