from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.approval_kind import ApprovalKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateApprovalRequest")


@_attrs_define
class CreateApprovalRequest:
    """A settlement or write-off request.

    Example:
        {'account_id': 101, 'amount': 150000, 'due_on': '2026-12-15', 'kind': 'settlement', 'reason': 'hardship; lump
            sum offered'}

    Attributes:
        account_id (int):
        amount (int): Settlement: what the debtor pays (> 0, < balance); write-off: how much (> 0, ≤ balance).
        kind (ApprovalKind): What is asked for. Example: settlement.
        reason (str):
        due_on (datetime.date | None | Unset): Settlement: pay by this date (required, not in the past).
    """

    account_id: int
    amount: int
    kind: ApprovalKind
    reason: str
    due_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        amount = self.amount

        kind = self.kind.value

        reason = self.reason

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "amount": amount,
                "kind": kind,
                "reason": reason,
            }
        )
        if due_on is not UNSET:
            field_dict["due_on"] = due_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        amount = d.pop("amount")

        kind = ApprovalKind(d.pop("kind"))

        reason = d.pop("reason")

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        create_approval_request = cls(
            account_id=account_id,
            amount=amount,
            kind=kind,
            reason=reason,
            due_on=due_on,
        )

        return create_approval_request
