from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.installment_status import InstallmentStatus

T = TypeVar("T", bound="Installment")


@_attrs_define
class Installment:
    """One installment of an arrangement.

    Example:
        {'amount': 25000, 'due_on': '2026-12-15', 'id': 9, 'paid_amount': 10000, 'seq': 1, 'status': 'partially_paid'}

    Attributes:
        amount (int): Minor units.
        due_on (datetime.date):
        id (int):
        paid_amount (int): Minor units allocated so far.
        seq (int): 1, 2, 3 … in due order.
        status (InstallmentStatus): Where an installment stands. Example: pending.
    """

    amount: int
    due_on: datetime.date
    id: int
    paid_amount: int
    seq: int
    status: InstallmentStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        due_on = self.due_on.isoformat()

        id = self.id

        paid_amount = self.paid_amount

        seq = self.seq

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "due_on": due_on,
                "id": id,
                "paid_amount": paid_amount,
                "seq": seq,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        id = d.pop("id")

        paid_amount = d.pop("paid_amount")

        seq = d.pop("seq")

        status = InstallmentStatus(d.pop("status"))

        installment = cls(
            amount=amount,
            due_on=due_on,
            id=id,
            paid_amount=paid_amount,
            seq=seq,
            status=status,
        )

        installment.additional_properties = d
        return installment

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
