from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApprovalAccount")


@_attrs_define
class ApprovalAccount:
    """The account a listed request is about, as it is now.

    Example:
        {'balance': 182550, 'currency': 'USD', 'debtor_name': 'Jordan Reyes', 'external_ref': 'ACC-2026-000101'}

    Attributes:
        balance (int): Minor units, now (the balance when requested is `balance_at_request`).
        currency (str):
        debtor_name (str):
        external_ref (str):
    """

    balance: int
    currency: str
    debtor_name: str
    external_ref: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        currency = self.currency

        debtor_name = self.debtor_name

        external_ref = self.external_ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "currency": currency,
                "debtor_name": debtor_name,
                "external_ref": external_ref,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        currency = d.pop("currency")

        debtor_name = d.pop("debtor_name")

        external_ref = d.pop("external_ref")

        approval_account = cls(
            balance=balance,
            currency=currency,
            debtor_name=debtor_name,
            external_ref=external_ref,
        )

        approval_account.additional_properties = d
        return approval_account

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
