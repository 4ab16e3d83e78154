from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    AGENT = "agent"
    AUDITOR = "auditor"
    HEAD = "head"
    MANAGER = "manager"
    TEAM_LEAD = "team_lead"

    def __str__(self) -> str:
        return str(self.value)
