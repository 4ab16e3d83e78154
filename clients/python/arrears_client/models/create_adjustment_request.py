from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.adjustment_reason import AdjustmentReason
from ..models.component import Component

T = TypeVar("T", bound="CreateAdjustmentRequest")


@_attrs_define
class CreateAdjustmentRequest:
    """A change of one part of the balance.

    Example:
        {'amount': -2500, 'component': 'fees', 'note': 'late fee charged in error by the client', 'reason':
            'fee_waiver'}

    Attributes:
        amount (int): Signed minor units, not 0: negative lowers the part, positive raises it.
        component (Component): One part of a balance. Example: principal.
        note (str): Why, for the account's history and the approver.
        reason (AdjustmentReason): Why a part of the balance changes. Example: fee_waiver.
    """

    amount: int
    component: Component
    note: str
    reason: AdjustmentReason

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        component = self.component.value

        note = self.note

        reason = self.reason.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "component": component,
                "note": note,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        component = Component(d.pop("component"))

        note = d.pop("note")

        reason = AdjustmentReason(d.pop("reason"))

        create_adjustment_request = cls(
            amount=amount,
            component=component,
            note=note,
            reason=reason,
        )

        return create_adjustment_request
