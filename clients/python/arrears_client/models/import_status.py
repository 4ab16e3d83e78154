from enum import StrEnum


class ImportStatus(StrEnum):
    CREATED = "created"
    ERROR = "error"
    PENDING_APPROVAL = "pending_approval"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
