from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.step_action import StepAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="Step")


@_attrs_define
class Step:
    """One step of a treatment.

    Example:
        {'action': 'sms', 'day': 3, 'template': 'reminder-1'}

    Attributes:
        action (StepAction): What a treatment step does. Example: call.
        day (int): Days after the account entered the segment (0: the day it entered).
        discount_percent (int | None | Unset): The largest discount a `settlement_offer` pre-approves, 1 to 100.
        template (None | str | Unset): The message template (`sms`, `email`, `letter`).
    """

    action: StepAction
    day: int
    discount_percent: int | None | Unset = UNSET
    template: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        day = self.day

        discount_percent: int | None | Unset
        if isinstance(self.discount_percent, Unset):
            discount_percent = UNSET
        else:
            discount_percent = self.discount_percent

        template: None | str | Unset
        if isinstance(self.template, Unset):
            template = UNSET
        else:
            template = self.template

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "day": day,
            }
        )
        if discount_percent is not UNSET:
            field_dict["discount_percent"] = discount_percent
        if template is not UNSET:
            field_dict["template"] = template

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = StepAction(d.pop("action"))

        day = d.pop("day")

        def _parse_discount_percent(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        discount_percent = _parse_discount_percent(d.pop("discount_percent", UNSET))

        def _parse_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template = _parse_template(d.pop("template", UNSET))

        step = cls(
            action=action,
            day=day,
            discount_percent=discount_percent,
            template=template,
        )

        return step
