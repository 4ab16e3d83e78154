from enum import StrEnum


class RootCause(StrEnum):
    AGENT_ERROR = "agent_error"
    CLIENT_ERROR = "client_error"
    NO_FAULT = "no_fault"
    POLICY = "policy"
    PROCESS_GAP = "process_gap"
    SYSTEM_ERROR = "system_error"

    def __str__(self) -> str:
        return str(self.value)
