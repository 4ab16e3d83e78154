from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.step_action import StepAction

T = TypeVar("T", bound="NextStep")


@_attrs_define
class NextStep:
    """The next step of an account's treatment.

    Example:
        {'action': 'letter', 'day': 7, 'due_on': '2026-12-05'}

    Attributes:
        action (StepAction): What a treatment step does. Example: call.
        day (int):
        due_on (datetime.date): The day the step falls due (the run of that day, or the first after it, takes it).
    """

    action: StepAction
    day: int
    due_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        day = self.day

        due_on = self.due_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "day": day,
                "due_on": due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = StepAction(d.pop("action"))

        day = d.pop("day")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        next_step = cls(
            action=action,
            day=day,
            due_on=due_on,
        )

        next_step.additional_properties = d
        return next_step

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
