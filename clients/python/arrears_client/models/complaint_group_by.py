from enum import StrEnum


class ComplaintGroupBy(StrEnum):
    AGENT = "agent"
    CATEGORY = "category"
    ROOT_CAUSE = "root_cause"
    TEAM = "team"

    def __str__(self) -> str:
        return str(self.value)
