from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExpectedIncome")


@_attrs_define
class ExpectedIncome:
    """Money expected in the next period.

    Example:
        {'installments': 40000, 'kept_rate': 0.8, 'period': '2026-11', 'scheduled': 40000, 'settlements': 0, 'weighted':
            32000}

    Attributes:
        installments (int): Unpaid parts of active arrangements' installments due then.
        period (str): The next period's label.
        scheduled (int): `installments + settlements`.
        settlements (int): Approved settlements due then.
        kept_rate (float | None | Unset): Installments (of every arrangement) due in the 90 days before today that were
            paid in
            full, ÷ those due (null when none was due).
        weighted (int | None | Unset): `scheduled × kept_rate`.
    """

    installments: int
    period: str
    scheduled: int
    settlements: int
    kept_rate: float | None | Unset = UNSET
    weighted: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        installments = self.installments

        period = self.period

        scheduled = self.scheduled

        settlements = self.settlements

        kept_rate: float | None | Unset
        if isinstance(self.kept_rate, Unset):
            kept_rate = UNSET
        else:
            kept_rate = self.kept_rate

        weighted: int | None | Unset
        if isinstance(self.weighted, Unset):
            weighted = UNSET
        else:
            weighted = self.weighted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "installments": installments,
                "period": period,
                "scheduled": scheduled,
                "settlements": settlements,
            }
        )
        if kept_rate is not UNSET:
            field_dict["kept_rate"] = kept_rate
        if weighted is not UNSET:
            field_dict["weighted"] = weighted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        installments = d.pop("installments")

        period = d.pop("period")

        scheduled = d.pop("scheduled")

        settlements = d.pop("settlements")

        def _parse_kept_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        kept_rate = _parse_kept_rate(d.pop("kept_rate", UNSET))

        def _parse_weighted(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        weighted = _parse_weighted(d.pop("weighted", UNSET))

        expected_income = cls(
            installments=installments,
            period=period,
            scheduled=scheduled,
            settlements=settlements,
            kept_rate=kept_rate,
            weighted=weighted,
        )

        expected_income.additional_properties = d
        return expected_income

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
