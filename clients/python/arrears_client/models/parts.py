from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Parts")


@_attrs_define
class Parts:
    """Amounts per part (minor units): a balance's parts, or what a movement took from each.

    Example:
        {'costs': 0, 'fees': 2500, 'interest': 7500, 'principal': 90000}

    Attributes:
        costs (int):
        fees (int):
        interest (int):
        principal (int):
    """

    costs: int
    fees: int
    interest: int
    principal: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        costs = self.costs

        fees = self.fees

        interest = self.interest

        principal = self.principal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "costs": costs,
                "fees": fees,
                "interest": interest,
                "principal": principal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        costs = d.pop("costs")

        fees = d.pop("fees")

        interest = d.pop("interest")

        principal = d.pop("principal")

        parts = cls(
            costs=costs,
            fees=fees,
            interest=interest,
            principal=principal,
        )

        parts.additional_properties = d
        return parts

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
