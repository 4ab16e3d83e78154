from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.aging_bucket import AgingBucket
from ..types import UNSET, Unset

T = TypeVar("T", bound="RollRate")


@_attrs_define
class RollRate:
    """One bucket's roll: of the accounts in it and unresolved at the period's start, how many are in
    a later bucket and still unresolved at its end.

        Example:
            {'accounts': 120, 'bucket': '31-60', 'roll_rate': 0.35, 'rolled': 42}

        Attributes:
            accounts (int): In the bucket and unresolved at the start.
            bucket (AgingBucket): Aging buckets of the contract. Example: 31-60.
            rolled (int): Of those, in a later bucket and unresolved at the end.
            roll_rate (float | None | Unset): `rolled ÷ accounts` (4 decimals; null when the bucket was empty).
    """

    accounts: int
    bucket: AgingBucket
    rolled: int
    roll_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts

        bucket = self.bucket.value

        rolled = self.rolled

        roll_rate: float | None | Unset
        if isinstance(self.roll_rate, Unset):
            roll_rate = UNSET
        else:
            roll_rate = self.roll_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "bucket": bucket,
                "rolled": rolled,
            }
        )
        if roll_rate is not UNSET:
            field_dict["roll_rate"] = roll_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounts = d.pop("accounts")

        bucket = AgingBucket(d.pop("bucket"))

        rolled = d.pop("rolled")

        def _parse_roll_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        roll_rate = _parse_roll_rate(d.pop("roll_rate", UNSET))

        roll_rate = cls(
            accounts=accounts,
            bucket=bucket,
            rolled=rolled,
            roll_rate=roll_rate,
        )

        roll_rate.additional_properties = d
        return roll_rate

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
