from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PromiseRequest")


@_attrs_define
class PromiseRequest:
    """The promise made during a `promise_to_pay` contact.

    Example:
        {'amount': 25000, 'due_on': '2026-11-27'}

    Attributes:
        amount (int):
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

        promise_request = cls(
            amount=amount,
            due_on=due_on,
        )

        return promise_request
