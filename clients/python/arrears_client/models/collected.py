from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.day_amount import DayAmount


T = TypeVar("T", bound="Collected")


@_attrs_define
class Collected:
    """Money collected.

    Example:
        {'amount': 65000, 'attainment': 0.5417, 'per_day': [{'amount': 50000, 'date': '2026-10-10'}], 'previous_amount':
            5000, 'target': 120000}

    Attributes:
        amount (int): Payments received in the period on the scope's accounts, reversed ones and recoveries
            on written-off accounts left out.
        per_day (list[DayAmount]): Every day of the period, zeros included.
        previous_amount (int): `amount` of the period before.
        attainment (float | None | Unset): `amount ÷ target` (4 decimals).
        target (int | None | Unset): The teams' monthly targets, prorated to the period by days (null when none is set).
    """

    amount: int
    per_day: list[DayAmount]
    previous_amount: int
    attainment: float | None | Unset = UNSET
    target: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        per_day = []
        for per_day_item_data in self.per_day:
            per_day_item = per_day_item_data.to_dict()
            per_day.append(per_day_item)

        previous_amount = self.previous_amount

        attainment: float | None | Unset
        if isinstance(self.attainment, Unset):
            attainment = UNSET
        else:
            attainment = self.attainment

        target: int | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "per_day": per_day,
                "previous_amount": previous_amount,
            }
        )
        if attainment is not UNSET:
            field_dict["attainment"] = attainment
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day_amount import DayAmount  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        per_day = []
        _per_day = d.pop("per_day")
        for per_day_item_data in _per_day:
            per_day_item = DayAmount.from_dict(per_day_item_data)

            per_day.append(per_day_item)

        previous_amount = d.pop("previous_amount")

        def _parse_attainment(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        attainment = _parse_attainment(d.pop("attainment", UNSET))

        def _parse_target(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        collected = cls(
            amount=amount,
            per_day=per_day,
            previous_amount=previous_amount,
            attainment=attainment,
            target=target,
        )

        collected.additional_properties = d
        return collected

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
