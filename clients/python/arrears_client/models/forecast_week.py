from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ForecastWeek")


@_attrs_define
class ForecastWeek:
    """Expected inflow of one ISO week.

    Example:
        {'currency': 'USD', 'expected_amount': 1550000, 'installments': 1250000, 'settlements': 300000, 'week':
            '2026-W48', 'week_start': '2026-11-23'}

    Attributes:
        currency (str): ISO 4217 code of the amounts.
        expected_amount (int):
        installments (int): Unpaid amounts of active installments due that week (minor units).
        settlements (int): Approved settlements due that week (their amount).
        week (str): ISO week (`YYYY-Www`).
        week_start (datetime.date): Its Monday.
    """

    currency: str
    expected_amount: int
    installments: int
    settlements: int
    week: str
    week_start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        expected_amount = self.expected_amount

        installments = self.installments

        settlements = self.settlements

        week = self.week

        week_start = self.week_start.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "expected_amount": expected_amount,
                "installments": installments,
                "settlements": settlements,
                "week": week,
                "week_start": week_start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        expected_amount = d.pop("expected_amount")

        installments = d.pop("installments")

        settlements = d.pop("settlements")

        week = d.pop("week")

        week_start = datetime.date.fromisoformat(d.pop("week_start"))

        forecast_week = cls(
            currency=currency,
            expected_amount=expected_amount,
            installments=installments,
            settlements=settlements,
            week=week,
            week_start=week_start,
        )

        forecast_week.additional_properties = d
        return forecast_week

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
