from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.aging_bucket import AgingBucket

T = TypeVar("T", bound="AgingRow")


@_attrs_define
class AgingRow:
    """One aging bucket.

    Example:
        {'balance': 8125000, 'bucket': '31-60', 'costs': 0, 'count': 42, 'currency': 'USD', 'fees': 125000, 'interest':
            400000, 'principal': 7600000}

    Attributes:
        balance (int): Their balance (minor units; a total, exact past 2^53, where JavaScript numbers lose precision).
        bucket (AgingBucket): Aging buckets of the contract. Example: 31-60.
        costs (int):
        count (int): Accounts in the bucket.
        currency (str): ISO 4217 code: money of different currencies is never summed together.
        fees (int):
        interest (int):
        principal (int): The balance's parts, totalled the same way (they sum to `balance`).
    """

    balance: int
    bucket: AgingBucket
    costs: int
    count: int
    currency: str
    fees: int
    interest: int
    principal: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        bucket = self.bucket.value

        costs = self.costs

        count = self.count

        currency = self.currency

        fees = self.fees

        interest = self.interest

        principal = self.principal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "bucket": bucket,
                "costs": costs,
                "count": count,
                "currency": currency,
                "fees": fees,
                "interest": interest,
                "principal": principal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        bucket = AgingBucket(d.pop("bucket"))

        costs = d.pop("costs")

        count = d.pop("count")

        currency = d.pop("currency")

        fees = d.pop("fees")

        interest = d.pop("interest")

        principal = d.pop("principal")

        aging_row = cls(
            balance=balance,
            bucket=bucket,
            costs=costs,
            count=count,
            currency=currency,
            fees=fees,
            interest=interest,
            principal=principal,
        )

        aging_row.additional_properties = d
        return aging_row

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
