from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.arrangement_kind import ArrangementKind

T = TypeVar("T", bound="ActiveArrangement")


@_attrs_define
class ActiveArrangement:
    """A queue item's active arrangement: its kind and the next installment to pay.

    Example:
        {'id': 4, 'kind': 'plan', 'next_amount': 25000, 'next_due_on': '2026-12-01'}

    Attributes:
        id (int):
        kind (ArrangementKind): A plan (installments) or a promise to pay (one amount, one date). Example: plan.
        next_amount (int): What is still owed on that installment (minor units).
        next_due_on (datetime.date):
    """

    id: int
    kind: ArrangementKind
    next_amount: int
    next_due_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        next_amount = self.next_amount

        next_due_on = self.next_due_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "next_amount": next_amount,
                "next_due_on": next_due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = ArrangementKind(d.pop("kind"))

        next_amount = d.pop("next_amount")

        next_due_on = datetime.date.fromisoformat(d.pop("next_due_on"))

        active_arrangement = cls(
            id=id,
            kind=kind,
            next_amount=next_amount,
            next_due_on=next_due_on,
        )

        active_arrangement.additional_properties = d
        return active_arrangement

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
