from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.escalation_status import EscalationStatus
from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="Escalation")


@_attrs_define
class Escalation:
    """An account raised to a higher tier.

    Example:
        {'account_id': 101, 'id': 5, 'note': None, 'raised_at': '2026-11-22T14:03:00.000000Z', 'raised_by': 12,
            'reason': 'debtor threatens legal action', 'resolved_at': None, 'resolved_by': None, 'status': 'open',
            'to_role': 'manager'}

    Attributes:
        account_id (int):
        id (int):
        raised_at (datetime.datetime):
        reason (str):
        status (EscalationStatus): Where an escalation is. Example: open.
        to_role (Role): A user's role. `agent` < `team_lead` < `manager` < `head` is the approval tier order;
            `admin` (users and teams) and `auditor` (read-only compliance) stand outside it. Example: agent.
        note (None | str | Unset):
        raised_by (int | None | Unset):
        resolved_at (datetime.datetime | None | Unset):
        resolved_by (int | None | Unset):
    """

    account_id: int
    id: int
    raised_at: datetime.datetime
    reason: str
    status: EscalationStatus
    to_role: Role
    note: None | str | Unset = UNSET
    raised_by: int | None | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    resolved_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        id = self.id

        raised_at = self.raised_at.isoformat()

        reason = self.reason

        status = self.status.value

        to_role = self.to_role.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        raised_by: int | None | Unset
        if isinstance(self.raised_by, Unset):
            raised_by = UNSET
        else:
            raised_by = self.raised_by

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: int | None | Unset
        if isinstance(self.resolved_by, Unset):
            resolved_by = UNSET
        else:
            resolved_by = self.resolved_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "id": id,
                "raised_at": raised_at,
                "reason": reason,
                "status": status,
                "to_role": to_role,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if raised_by is not UNSET:
            field_dict["raised_by"] = raised_by
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if resolved_by is not UNSET:
            field_dict["resolved_by"] = resolved_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        id = d.pop("id")

        raised_at = datetime.datetime.fromisoformat(d.pop("raised_at"))

        reason = d.pop("reason")

        status = EscalationStatus(d.pop("status"))

        to_role = Role(d.pop("to_role"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_raised_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        raised_by = _parse_raised_by(d.pop("raised_by", UNSET))

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        def _parse_resolved_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by", UNSET))

        escalation = cls(
            account_id=account_id,
            id=id,
            raised_at=raised_at,
            reason=reason,
            status=status,
            to_role=to_role,
            note=note,
            raised_by=raised_by,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
        )

        escalation.additional_properties = d
        return escalation

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
