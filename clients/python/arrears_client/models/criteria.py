from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Criteria")


@_attrs_define
class Criteria:
    """Which accounts a segment takes: every given bound must hold (an absent one always does).

    Example:
        {'max_days_past_due': 90, 'min_balance': 10000, 'min_days_past_due': 31, 'portfolios': ['cards']}

    Attributes:
        broken_arrangements_min (int | None | Unset): Arrangements of the account that broke, at least this many.
        max_balance (int | None | Unset):
        max_days_past_due (int | None | Unset):
        min_balance (int | None | Unset): Minor units.
        min_days_past_due (int | None | Unset):
        portfolios (list[str] | None | Unset): The account's portfolio is one of these (free-form).
        regions (list[str] | None | Unset): The debtor's region is one of these (free-form).
    """

    broken_arrangements_min: int | None | Unset = UNSET
    max_balance: int | None | Unset = UNSET
    max_days_past_due: int | None | Unset = UNSET
    min_balance: int | None | Unset = UNSET
    min_days_past_due: int | None | Unset = UNSET
    portfolios: list[str] | None | Unset = UNSET
    regions: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        broken_arrangements_min: int | None | Unset
        if isinstance(self.broken_arrangements_min, Unset):
            broken_arrangements_min = UNSET
        else:
            broken_arrangements_min = self.broken_arrangements_min

        max_balance: int | None | Unset
        if isinstance(self.max_balance, Unset):
            max_balance = UNSET
        else:
            max_balance = self.max_balance

        max_days_past_due: int | None | Unset
        if isinstance(self.max_days_past_due, Unset):
            max_days_past_due = UNSET
        else:
            max_days_past_due = self.max_days_past_due

        min_balance: int | None | Unset
        if isinstance(self.min_balance, Unset):
            min_balance = UNSET
        else:
            min_balance = self.min_balance

        min_days_past_due: int | None | Unset
        if isinstance(self.min_days_past_due, Unset):
            min_days_past_due = UNSET
        else:
            min_days_past_due = self.min_days_past_due

        portfolios: list[str] | None | Unset
        if isinstance(self.portfolios, Unset):
            portfolios = UNSET
        elif isinstance(self.portfolios, list):
            portfolios = self.portfolios

        else:
            portfolios = self.portfolios

        regions: list[str] | None | Unset
        if isinstance(self.regions, Unset):
            regions = UNSET
        elif isinstance(self.regions, list):
            regions = self.regions

        else:
            regions = self.regions

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if broken_arrangements_min is not UNSET:
            field_dict["broken_arrangements_min"] = broken_arrangements_min
        if max_balance is not UNSET:
            field_dict["max_balance"] = max_balance
        if max_days_past_due is not UNSET:
            field_dict["max_days_past_due"] = max_days_past_due
        if min_balance is not UNSET:
            field_dict["min_balance"] = min_balance
        if min_days_past_due is not UNSET:
            field_dict["min_days_past_due"] = min_days_past_due
        if portfolios is not UNSET:
            field_dict["portfolios"] = portfolios
        if regions is not UNSET:
            field_dict["regions"] = regions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_broken_arrangements_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        broken_arrangements_min = _parse_broken_arrangements_min(d.pop("broken_arrangements_min", UNSET))

        def _parse_max_balance(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_balance = _parse_max_balance(d.pop("max_balance", UNSET))

        def _parse_max_days_past_due(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_days_past_due = _parse_max_days_past_due(d.pop("max_days_past_due", UNSET))

        def _parse_min_balance(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_balance = _parse_min_balance(d.pop("min_balance", UNSET))

        def _parse_min_days_past_due(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_days_past_due = _parse_min_days_past_due(d.pop("min_days_past_due", UNSET))

        def _parse_portfolios(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                portfolios_type_0 = cast(list[str], data)

                return portfolios_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        portfolios = _parse_portfolios(d.pop("portfolios", UNSET))

        def _parse_regions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                regions_type_0 = cast(list[str], data)

                return regions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        regions = _parse_regions(d.pop("regions", UNSET))

        criteria = cls(
            broken_arrangements_min=broken_arrangements_min,
            max_balance=max_balance,
            max_days_past_due=max_days_past_due,
            min_balance=min_balance,
            min_days_past_due=min_days_past_due,
            portfolios=portfolios,
            regions=regions,
        )

        return criteria
