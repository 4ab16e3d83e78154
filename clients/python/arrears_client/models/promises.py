from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Promises")


@_attrs_define
class Promises:
    """Promises to pay.

    Example:
        {'broken': 1, 'due': 3, 'kept': 2, 'kept_rate': 0.6667, 'made': 4}

    Attributes:
        broken (int): Promises that broke in the period.
        due (int): Promises falling due in the period.
        kept (int): Of those, paid in full.
        made (int): Promise arrangements set up in the period.
        kept_rate (float | None | Unset): `kept ÷ due`.
    """

    broken: int
    due: int
    kept: int
    made: int
    kept_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        broken = self.broken

        due = self.due

        kept = self.kept

        made = self.made

        kept_rate: float | None | Unset
        if isinstance(self.kept_rate, Unset):
            kept_rate = UNSET
        else:
            kept_rate = self.kept_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "broken": broken,
                "due": due,
                "kept": kept,
                "made": made,
            }
        )
        if kept_rate is not UNSET:
            field_dict["kept_rate"] = kept_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        broken = d.pop("broken")

        due = d.pop("due")

        kept = d.pop("kept")

        made = d.pop("made")

        def _parse_kept_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        kept_rate = _parse_kept_rate(d.pop("kept_rate", UNSET))

        promises = cls(
            broken=broken,
            due=due,
            kept=kept,
            made=made,
            kept_rate=kept_rate,
        )

        promises.additional_properties = d
        return promises

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
