from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Comparison")


@_attrs_define
class Comparison:
    """The challenger against the champion: one pair of segments with equal criteria, or the whole
    arms (`"overall"` on both sides).

        Example:
            {'challenger_accounts': 120, 'challenger_segment': 'early', 'champion_accounts': 480, 'champion_segment':
                'early', 'ci_high': 0.0378, 'ci_low': 0.0042, 'difference': 0.021, 'significant': True}

        Attributes:
            challenger_accounts (int):
            challenger_segment (str):
            champion_accounts (int): Stays with a balance at entry on each side (the samples).
            champion_segment (str):
            significant (bool): The interval excludes 0.
            ci_high (float | None | Unset):
            ci_low (float | None | Unset): The 95 % Welch interval of `difference`.
            difference (float | None | Unset): Mean per-stay liquidation: challenger minus champion (null with fewer than
                two stays on
                a side, or no variance).
    """

    challenger_accounts: int
    challenger_segment: str
    champion_accounts: int
    champion_segment: str
    significant: bool
    ci_high: float | None | Unset = UNSET
    ci_low: float | None | Unset = UNSET
    difference: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        challenger_accounts = self.challenger_accounts

        challenger_segment = self.challenger_segment

        champion_accounts = self.champion_accounts

        champion_segment = self.champion_segment

        significant = self.significant

        ci_high: float | None | Unset
        if isinstance(self.ci_high, Unset):
            ci_high = UNSET
        else:
            ci_high = self.ci_high

        ci_low: float | None | Unset
        if isinstance(self.ci_low, Unset):
            ci_low = UNSET
        else:
            ci_low = self.ci_low

        difference: float | None | Unset
        if isinstance(self.difference, Unset):
            difference = UNSET
        else:
            difference = self.difference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "challenger_accounts": challenger_accounts,
                "challenger_segment": challenger_segment,
                "champion_accounts": champion_accounts,
                "champion_segment": champion_segment,
                "significant": significant,
            }
        )
        if ci_high is not UNSET:
            field_dict["ci_high"] = ci_high
        if ci_low is not UNSET:
            field_dict["ci_low"] = ci_low
        if difference is not UNSET:
            field_dict["difference"] = difference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        challenger_accounts = d.pop("challenger_accounts")

        challenger_segment = d.pop("challenger_segment")

        champion_accounts = d.pop("champion_accounts")

        champion_segment = d.pop("champion_segment")

        significant = d.pop("significant")

        def _parse_ci_high(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ci_high = _parse_ci_high(d.pop("ci_high", UNSET))

        def _parse_ci_low(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ci_low = _parse_ci_low(d.pop("ci_low", UNSET))

        def _parse_difference(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        difference = _parse_difference(d.pop("difference", UNSET))

        comparison = cls(
            challenger_accounts=challenger_accounts,
            challenger_segment=challenger_segment,
            champion_accounts=champion_accounts,
            champion_segment=champion_segment,
            significant=significant,
            ci_high=ci_high,
            ci_low=ci_low,
            difference=difference,
        )

        comparison.additional_properties = d
        return comparison

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
