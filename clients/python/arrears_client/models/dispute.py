from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dispute_status import DisputeStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Dispute")


@_attrs_define
class Dispute:
    """A debtor's dispute of an account.

    Example:
        {'account_id': 101, 'id': 3, 'opened_at': '2026-11-22T14:03:00.000000Z', 'opened_by': 12, 'reason': 'debtor says
            the debt was paid in 2024', 'resolution_note': None, 'resolved_at': None, 'resolved_by': None, 'status': 'open'}

    Attributes:
        account_id (int):
        id (int):
        opened_at (datetime.datetime):
        reason (str):
        status (DisputeStatus): Where a dispute is: `open` (collection paused) until a team lead or above upholds or
            rejects it. Example: open.
        opened_by (int | None | Unset):
        resolution_note (None | str | Unset):
        resolved_at (datetime.datetime | None | Unset):
        resolved_by (int | None | Unset):
    """

    account_id: int
    id: int
    opened_at: datetime.datetime
    reason: str
    status: DisputeStatus
    opened_by: int | None | Unset = UNSET
    resolution_note: None | str | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    resolved_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        id = self.id

        opened_at = self.opened_at.isoformat()

        reason = self.reason

        status = self.status.value

        opened_by: int | None | Unset
        if isinstance(self.opened_by, Unset):
            opened_by = UNSET
        else:
            opened_by = self.opened_by

        resolution_note: None | str | Unset
        if isinstance(self.resolution_note, Unset):
            resolution_note = UNSET
        else:
            resolution_note = self.resolution_note

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
                "opened_at": opened_at,
                "reason": reason,
                "status": status,
            }
        )
        if opened_by is not UNSET:
            field_dict["opened_by"] = opened_by
        if resolution_note is not UNSET:
            field_dict["resolution_note"] = resolution_note
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

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        reason = d.pop("reason")

        status = DisputeStatus(d.pop("status"))

        def _parse_opened_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        opened_by = _parse_opened_by(d.pop("opened_by", UNSET))

        def _parse_resolution_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution_note = _parse_resolution_note(d.pop("resolution_note", UNSET))

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

        dispute = cls(
            account_id=account_id,
            id=id,
            opened_at=opened_at,
            reason=reason,
            status=status,
            opened_by=opened_by,
            resolution_note=resolution_note,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
        )

        dispute.additional_properties = d
        return dispute

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
