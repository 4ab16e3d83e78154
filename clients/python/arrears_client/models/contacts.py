from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Contacts")


@_attrs_define
class Contacts:
    """Contacts of the period's agents (from the contact rollup).

    Example:
        {'attempts': 120, 'right_party_contacts': 30, 'rpc_rate': 0.25}

    Attributes:
        attempts (int): Outbound phone attempts.
        right_party_contacts (int):
        rpc_rate (float | None | Unset): `right_party_contacts ÷ attempts`.
    """

    attempts: int
    right_party_contacts: int
    rpc_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        right_party_contacts = self.right_party_contacts

        rpc_rate: float | None | Unset
        if isinstance(self.rpc_rate, Unset):
            rpc_rate = UNSET
        else:
            rpc_rate = self.rpc_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "right_party_contacts": right_party_contacts,
            }
        )
        if rpc_rate is not UNSET:
            field_dict["rpc_rate"] = rpc_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        right_party_contacts = d.pop("right_party_contacts")

        def _parse_rpc_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rpc_rate = _parse_rpc_rate(d.pop("rpc_rate", UNSET))

        contacts = cls(
            attempts=attempts,
            right_party_contacts=right_party_contacts,
            rpc_rate=rpc_rate,
        )

        contacts.additional_properties = d
        return contacts

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
