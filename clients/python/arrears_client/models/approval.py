from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.approval_kind import ApprovalKind
from ..models.approval_status import ApprovalStatus
from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="Approval")


@_attrs_define
class Approval:
    """An approval request.

    Example:
        {'account_id': 101, 'amount': 150000, 'arrangement_id': None, 'balance_at_request': 182550, 'decided_at': None,
            'decided_by': None, 'decided_by_strategy': False, 'decision_note': None, 'due_on': '2026-12-15', 'id': 8,
            'kind': 'settlement', 'reason': 'hardship; lump sum offered', 'requested_at': '2026-11-22T14:03:00.000000Z',
            'requested_by': 12, 'required_role': 'team_lead', 'status': 'pending'}

    Attributes:
        account_id (int):
        balance_at_request (int): The balance when requested: a decision after it changed answers 409 `stale-request`.
        decided_by_strategy (bool): Approved at once by the active strategy's standing settlement offer (`decided_by` is
            then null).
        id (int):
        kind (ApprovalKind): What is asked for. Example: settlement.
        reason (str):
        requested_at (datetime.datetime):
        required_role (Role): A user's role. `agent` < `team_lead` < `manager` < `head` is the approval tier order;
            `admin` (users and teams) and `auditor` (read-only compliance) stand outside it. Example: agent.
        status (ApprovalStatus): Where an approval request is: `pending` until decided; a settlement, once approved,
            becomes `fulfilled` when paid by its due date or `lapsed` when not. Example: pending.
        amount (int | None | Unset): Settlement: what the debtor pays; write-off: what is written off; arrangement: the
            plan's total.
        arrangement_id (int | None | Unset):
        decided_at (datetime.datetime | None | Unset):
        decided_by (int | None | Unset):
        decision_note (None | str | Unset):
        due_on (datetime.date | None | Unset): Settlement: pay by this date.
        requested_by (int | None | Unset):
    """

    account_id: int
    balance_at_request: int
    decided_by_strategy: bool
    id: int
    kind: ApprovalKind
    reason: str
    requested_at: datetime.datetime
    required_role: Role
    status: ApprovalStatus
    amount: int | None | Unset = UNSET
    arrangement_id: int | None | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    decided_by: int | None | Unset = UNSET
    decision_note: None | str | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    requested_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        balance_at_request = self.balance_at_request

        decided_by_strategy = self.decided_by_strategy

        id = self.id

        kind = self.kind.value

        reason = self.reason

        requested_at = self.requested_at.isoformat()

        required_role = self.required_role.value

        status = self.status.value

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        arrangement_id: int | None | Unset
        if isinstance(self.arrangement_id, Unset):
            arrangement_id = UNSET
        else:
            arrangement_id = self.arrangement_id

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: int | None | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        decision_note: None | str | Unset
        if isinstance(self.decision_note, Unset):
            decision_note = UNSET
        else:
            decision_note = self.decision_note

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        requested_by: int | None | Unset
        if isinstance(self.requested_by, Unset):
            requested_by = UNSET
        else:
            requested_by = self.requested_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "balance_at_request": balance_at_request,
                "decided_by_strategy": decided_by_strategy,
                "id": id,
                "kind": kind,
                "reason": reason,
                "requested_at": requested_at,
                "required_role": required_role,
                "status": status,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if arrangement_id is not UNSET:
            field_dict["arrangement_id"] = arrangement_id
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if decision_note is not UNSET:
            field_dict["decision_note"] = decision_note
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if requested_by is not UNSET:
            field_dict["requested_by"] = requested_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        balance_at_request = d.pop("balance_at_request")

        decided_by_strategy = d.pop("decided_by_strategy")

        id = d.pop("id")

        kind = ApprovalKind(d.pop("kind"))

        reason = d.pop("reason")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        required_role = Role(d.pop("required_role"))

        status = ApprovalStatus(d.pop("status"))

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_arrangement_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        arrangement_id = _parse_arrangement_id(d.pop("arrangement_id", UNSET))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decided_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_decision_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_note = _parse_decision_note(d.pop("decision_note", UNSET))

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

        def _parse_requested_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        requested_by = _parse_requested_by(d.pop("requested_by", UNSET))

        approval = cls(
            account_id=account_id,
            balance_at_request=balance_at_request,
            decided_by_strategy=decided_by_strategy,
            id=id,
            kind=kind,
            reason=reason,
            requested_at=requested_at,
            required_role=required_role,
            status=status,
            amount=amount,
            arrangement_id=arrangement_id,
            decided_at=decided_at,
            decided_by=decided_by,
            decision_note=decision_note,
            due_on=due_on,
            requested_by=requested_by,
        )

        approval.additional_properties = d
        return approval

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
