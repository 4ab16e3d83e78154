from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.adjustment_reason import AdjustmentReason
from ..models.adjustment_status import AdjustmentStatus
from ..models.component import Component
from ..types import UNSET, Unset

T = TypeVar("T", bound="Adjustment")


@_attrs_define
class Adjustment:
    """An adjustment of one part of an account's balance.

    Example:
        {'account_id': 101, 'amount': -2500, 'applied_at': '2026-11-30T10:02:00.000000Z', 'approval_id': None,
            'component': 'fees', 'created_at': '2026-11-30T10:02:00.000000Z', 'id': 31, 'note': 'late fee charged in error
            by the client', 'reason': 'fee_waiver', 'requested_by': 12, 'status': 'applied'}

    Attributes:
        account_id (int):
        amount (int): Signed minor units: negative lowers the part, positive raises it.
        component (Component): One part of a balance. Example: principal.
        created_at (datetime.datetime):
        id (int):
        note (str):
        reason (AdjustmentReason): Why a part of the balance changes. Example: fee_waiver.
        status (AdjustmentStatus): Where an adjustment is: `applied` at once or on approval; `pending_approval` while
            its
            approval request waits; `rejected` or `cancelled` with it. Example: applied.
        applied_at (datetime.datetime | None | Unset): When the part moved (`null` until then).
        approval_id (int | None | Unset): The approval request a lowering beyond the requester's `adjustment_max` waits
            for.
        requested_by (int | None | Unset): Who asked for it (`null`: the command-line import).
    """

    account_id: int
    amount: int
    component: Component
    created_at: datetime.datetime
    id: int
    note: str
    reason: AdjustmentReason
    status: AdjustmentStatus
    applied_at: datetime.datetime | None | Unset = UNSET
    approval_id: int | None | Unset = UNSET
    requested_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        amount = self.amount

        component = self.component.value

        created_at = self.created_at.isoformat()

        id = self.id

        note = self.note

        reason = self.reason.value

        status = self.status.value

        applied_at: None | str | Unset
        if isinstance(self.applied_at, Unset):
            applied_at = UNSET
        elif isinstance(self.applied_at, datetime.datetime):
            applied_at = self.applied_at.isoformat()
        else:
            applied_at = self.applied_at

        approval_id: int | None | Unset
        if isinstance(self.approval_id, Unset):
            approval_id = UNSET
        else:
            approval_id = self.approval_id

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
                "amount": amount,
                "component": component,
                "created_at": created_at,
                "id": id,
                "note": note,
                "reason": reason,
                "status": status,
            }
        )
        if applied_at is not UNSET:
            field_dict["applied_at"] = applied_at
        if approval_id is not UNSET:
            field_dict["approval_id"] = approval_id
        if requested_by is not UNSET:
            field_dict["requested_by"] = requested_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        amount = d.pop("amount")

        component = Component(d.pop("component"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        note = d.pop("note")

        reason = AdjustmentReason(d.pop("reason"))

        status = AdjustmentStatus(d.pop("status"))

        def _parse_applied_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                applied_at_type_0 = datetime.datetime.fromisoformat(data)

                return applied_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        applied_at = _parse_applied_at(d.pop("applied_at", UNSET))

        def _parse_approval_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approval_id = _parse_approval_id(d.pop("approval_id", UNSET))

        def _parse_requested_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        requested_by = _parse_requested_by(d.pop("requested_by", UNSET))

        adjustment = cls(
            account_id=account_id,
            amount=amount,
            component=component,
            created_at=created_at,
            id=id,
            note=note,
            reason=reason,
            status=status,
            applied_at=applied_at,
            approval_id=approval_id,
            requested_by=requested_by,
        )

        adjustment.additional_properties = d
        return adjustment

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
