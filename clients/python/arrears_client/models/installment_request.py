from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InstallmentRequest")


@_attrs_define
class InstallmentRequest:
    """One installment of an explicit plan.

    Example:
        {'amount': 25000, 'due_on': '2026-12-15'}

    Attributes:
        amount (int): Minor units, > 0.
        due_on (datetime.date):
    """

    amount: int
    due_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        due_on = self.due_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "due_on": due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        installment_request = cls(
            amount=amount,
            due_on=due_on,
        )

        return installment_request
