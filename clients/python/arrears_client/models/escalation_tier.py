from enum import StrEnum


class EscalationTier(StrEnum):
    HEAD = "head"
    MANAGER = "manager"
    TEAM_LEAD = "team_lead"

    def __str__(self) -> str:
        return str(self.value)
