from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BalanceAfter")


@_attrs_define
class BalanceAfter:
    """A balance's parts and their total.

    Example:
        {'costs': 0, 'fees': 0, 'interest': 5000, 'principal': 90000, 'total': 95000}

    Attributes:
        costs (int):
        fees (int):
        interest (int):
        principal (int):
        total (int):
    """

    costs: int
    fees: int
    interest: int
    principal: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        costs = self.costs

        fees = self.fees

        interest = self.interest

        principal = self.principal

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "costs": costs,
                "fees": fees,
                "interest": interest,
                "principal": principal,
                "total": total,
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

        total = d.pop("total")

        balance_after = cls(
            costs=costs,
            fees=fees,
            interest=interest,
            principal=principal,
            total=total,
        )

        balance_after.additional_properties = d
        return balance_after

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
