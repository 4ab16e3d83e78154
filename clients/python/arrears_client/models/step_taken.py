from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.step_action import StepAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="StepTaken")


@_attrs_define
class StepTaken:
    """A step taken, as the account's strategy view shows it.

    Example:
        {'action': 'call', 'day': 0, 'discount_percent': None, 'expires_on': None, 'step_index': 0, 'taken_on':
            '2026-11-28'}

    Attributes:
        action (StepAction): What a treatment step does. Example: call.
        day (int):
        step_index (int): The step's place in the segment's treatment (0 first).
        taken_on (datetime.date):
        discount_percent (int | None | Unset): A settlement offer's largest discount.
        expires_on (datetime.date | None | Unset): The last day a settlement offer stands.
    """

    action: StepAction
    day: int
    step_index: int
    taken_on: datetime.date
    discount_percent: int | None | Unset = UNSET
    expires_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        day = self.day

        step_index = self.step_index

        taken_on = self.taken_on.isoformat()

        discount_percent: int | None | Unset
        if isinstance(self.discount_percent, Unset):
            discount_percent = UNSET
        else:
            discount_percent = self.discount_percent

        expires_on: None | str | Unset
        if isinstance(self.expires_on, Unset):
            expires_on = UNSET
        elif isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "day": day,
                "step_index": step_index,
                "taken_on": taken_on,
            }
        )
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent
        if expires_on is not UNSET:
            field_dict["expires_on"] = expires_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = StepAction(d.pop("action"))

        day = d.pop("day")

        step_index = d.pop("step_index")

        taken_on = datetime.date.fromisoformat(d.pop("taken_on"))

        def _parse_discount_percent(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        discount_percent = _parse_discount_percent(d.pop("discount_percent", UNSET))

        def _parse_expires_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expires_on = _parse_expires_on(d.pop("expires_on", UNSET))

        step_taken = cls(
            action=action,
            day=day,
            step_index=step_index,
            taken_on=taken_on,
            discount_percent=discount_percent,
            expires_on=expires_on,
        )

        step_taken.additional_properties = d
        return step_taken

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
