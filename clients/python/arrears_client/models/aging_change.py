from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.aging_bucket import AgingBucket

T = TypeVar("T", bound="AgingChange")


@_attrs_define
class AgingChange:
    """One aging bucket: unresolved accounts (open, in arrangement, disputed, legal) with a balance,
    at the period's end and start. Status at an instant comes from the status history, balance
    from the ledger's entries before it, the bucket from `delinquent_since`.

        Example:
            {'balance': 115000, 'balance_at_start': 75000, 'balance_change': 40000, 'bucket': '31-60', 'count': 2,
                'count_at_start': 1, 'count_change': 1}

        Attributes:
            balance (int):
            balance_at_start (int):
            balance_change (int): `balance − balance_at_start`.
            bucket (AgingBucket): Aging buckets of the contract. Example: 31-60.
            count (int): At the end of the period.
            count_at_start (int):
            count_change (int): `count − count_at_start`.
    """

    balance: int
    balance_at_start: int
    balance_change: int
    bucket: AgingBucket
    count: int
    count_at_start: int
    count_change: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        balance_at_start = self.balance_at_start

        balance_change = self.balance_change

        bucket = self.bucket.value

        count = self.count

        count_at_start = self.count_at_start

        count_change = self.count_change

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "balance_at_start": balance_at_start,
                "balance_change": balance_change,
                "bucket": bucket,
                "count": count,
                "count_at_start": count_at_start,
                "count_change": count_change,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        balance_at_start = d.pop("balance_at_start")

        balance_change = d.pop("balance_change")

        bucket = AgingBucket(d.pop("bucket"))

        count = d.pop("count")

        count_at_start = d.pop("count_at_start")

        count_change = d.pop("count_change")

        aging_change = cls(
            balance=balance,
            balance_at_start=balance_at_start,
            balance_change=balance_change,
            bucket=bucket,
            count=count,
            count_at_start=count_at_start,
            count_change=count_change,
        )

        aging_change.additional_properties = d
        return aging_change

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
