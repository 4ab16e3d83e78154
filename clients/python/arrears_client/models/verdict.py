from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason import Reason
from ..types import UNSET, Unset

T = TypeVar("T", bound="Verdict")


@_attrs_define
class Verdict:
    """The engine's answer.

    Example:
        {'allowed': False, 'consented': False, 'next_allowed_at': '2026-11-23T14:00:00.000000Z', 'reasons':
            ['outside_calling_hours'], 'timezones': ['America/New_York', 'America/Chicago']}

    Attributes:
        allowed (bool):
        consented (bool): Allowed on the debtor's consent: a call-back they asked for, in its hour.
        reasons (list[Reason]): Every rule that refuses the contact (empty when allowed).
        timezones (list[str]): Every time zone known for the debtor (their own first), in which calling hours apply.
            Example: ['America/New_York'].
        next_allowed_at (datetime.datetime | None | Unset): When only time stands in the way: the first instant the
            contact would be allowed, within
            calling hours in every one of `timezones`.
    """

    allowed: bool
    consented: bool
    reasons: list[Reason]
    timezones: list[str]
    next_allowed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed = self.allowed

        consented = self.consented

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.value
            reasons.append(reasons_item)

        timezones = self.timezones

        next_allowed_at: None | str | Unset
        if isinstance(self.next_allowed_at, Unset):
            next_allowed_at = UNSET
        elif isinstance(self.next_allowed_at, datetime.datetime):
            next_allowed_at = self.next_allowed_at.isoformat()
        else:
            next_allowed_at = self.next_allowed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed": allowed,
                "consented": consented,
                "reasons": reasons,
                "timezones": timezones,
            }
        )
        if next_allowed_at is not UNSET:
            field_dict["next_allowed_at"] = next_allowed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allowed = d.pop("allowed")

        consented = d.pop("consented")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason(reasons_item_data)

            reasons.append(reasons_item)

        timezones = cast(list[str], d.pop("timezones"))

        def _parse_next_allowed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_allowed_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_allowed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_allowed_at = _parse_next_allowed_at(d.pop("next_allowed_at", UNSET))

        verdict = cls(
            allowed=allowed,
            consented=consented,
            reasons=reasons,
            timezones=timezones,
            next_allowed_at=next_allowed_at,
        )

        verdict.additional_properties = d
        return verdict

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
