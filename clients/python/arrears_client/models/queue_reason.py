from enum import StrEnum


class QueueReason(StrEnum):
    AGING = "aging"
    BROKEN_ARRANGEMENT = "broken_arrangement"
    FOLLOW_UP_DUE = "follow_up_due"
    HIGH_BALANCE = "high_balance"
    NEW = "new"
    PROMISE_DUE = "promise_due"
    STRATEGY_CALL = "strategy_call"

    def __str__(self) -> str:
        return str(self.value)
