from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LedgerCheck")


@_attrs_define
class LedgerCheck:
    """What a check of the whole ledger found.

    Example:
        {'checked': 300, 'mismatched_account_ids': [], 'ok': True}

    Attributes:
        checked (int): Accounts checked.
        mismatched_account_ids (list[int]): Accounts whose parts differ from the sum of their entries (the first 1,000).
        ok (bool):
    """

    checked: int
    mismatched_account_ids: list[int]
    ok: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checked = self.checked

        mismatched_account_ids = self.mismatched_account_ids

        ok = self.ok

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checked": checked,
                "mismatched_account_ids": mismatched_account_ids,
                "ok": ok,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked = d.pop("checked")

        mismatched_account_ids = cast(list[int], d.pop("mismatched_account_ids"))

        ok = d.pop("ok")

        ledger_check = cls(
            checked=checked,
            mismatched_account_ids=mismatched_account_ids,
            ok=ok,
        )

        ledger_check.additional_properties = d
        return ledger_check

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
