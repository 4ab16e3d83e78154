from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CollectionsDay")


@_attrs_define
class CollectionsDay:
    """Money collected on one day.

    Example:
        {'collected': 1250000, 'currency': 'USD', 'date': '2026-11-20', 'net': 1200000, 'recoveries': 30000, 'reversed':
            50000}

    Attributes:
        collected (int): Payments received that day (recoveries excluded).
        currency (str): ISO 4217 code of the amounts.
        date (datetime.date):
        net (int): `collected − reversed`.
        recoveries (int): Recoveries on written-off accounts, reported apart.
        reversed_ (int): Of those, later reversed.
    """

    collected: int
    currency: str
    date: datetime.date
    net: int
    recoveries: int
    reversed_: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collected = self.collected

        currency = self.currency

        date = self.date.isoformat()

        net = self.net

        recoveries = self.recoveries

        reversed_ = self.reversed_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collected": collected,
                "currency": currency,
                "date": date,
                "net": net,
                "recoveries": recoveries,
                "reversed": reversed_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collected = d.pop("collected")

        currency = d.pop("currency")

        date = datetime.date.fromisoformat(d.pop("date"))

        net = d.pop("net")

        recoveries = d.pop("recoveries")

        reversed_ = d.pop("reversed")

        collections_day = cls(
            collected=collected,
            currency=currency,
            date=date,
            net=net,
            recoveries=recoveries,
            reversed_=reversed_,
        )

        collections_day.additional_properties = d
        return collections_day

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
