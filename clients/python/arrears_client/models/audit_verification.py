from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditVerification")


@_attrs_define
class AuditVerification:
    """The result of checking the whole chain.

    Example:
        {'checked': 1204, 'first_broken_id': None, 'ok': True}

    Attributes:
        checked (int): How many events were checked.
        ok (bool): `true` when every event verifies.
        first_broken_id (int | None | Unset): The smallest id of an event that does not verify: altered, out of order,
            or after a gap.
    """

    checked: int
    ok: bool
    first_broken_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checked = self.checked

        ok = self.ok

        first_broken_id: int | None | Unset
        if isinstance(self.first_broken_id, Unset):
            first_broken_id = UNSET
        else:
            first_broken_id = self.first_broken_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checked": checked,
                "ok": ok,
            }
        )
        if first_broken_id is not UNSET:
            field_dict["first_broken_id"] = first_broken_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked = d.pop("checked")

        ok = d.pop("ok")

        def _parse_first_broken_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        first_broken_id = _parse_first_broken_id(d.pop("first_broken_id", UNSET))

        audit_verification = cls(
            checked=checked,
            ok=ok,
            first_broken_id=first_broken_id,
        )

        audit_verification.additional_properties = d
        return audit_verification

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
