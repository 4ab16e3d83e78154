from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.arm import Arm
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.next_step import NextStep
    from ..models.step_taken import StepTaken


T = TypeVar("T", bound="AccountStrategy")


@_attrs_define
class AccountStrategy:
    """Where an account stands in the active strategy.

    Example:
        {'arm': 'challenger', 'entered_on': '2026-11-28', 'next_step': {'action': 'letter', 'day': 7, 'due_on':
            '2026-12-05'}, 'segment': 'early', 'steps_taken': [{'action': 'sms', 'day': 0, 'discount_percent': None,
            'expires_on': None, 'step_index': 0, 'taken_on': '2026-11-28'}], 'strategy_id': 3}

    Attributes:
        steps_taken (list[StepTaken]): The steps taken in this segment entry, in order.
        arm (Arm | None | Unset):
        entered_on (datetime.date | None | Unset):
        next_step (NextStep | None | Unset):
        segment (None | str | Unset): The segment the account is in (null: no run has placed it in one, or no segment
            takes it).
        strategy_id (int | None | Unset): The active strategy (null: none is active).
    """

    steps_taken: list[StepTaken]
    arm: Arm | None | Unset = UNSET
    entered_on: datetime.date | None | Unset = UNSET
    next_step: NextStep | None | Unset = UNSET
    segment: None | str | Unset = UNSET
    strategy_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.next_step import NextStep  # noqa: PLC0415

        steps_taken = []
        for steps_taken_item_data in self.steps_taken:
            steps_taken_item = steps_taken_item_data.to_dict()
            steps_taken.append(steps_taken_item)

        arm: None | str | Unset
        if isinstance(self.arm, Unset):
            arm = UNSET
        elif isinstance(self.arm, Arm):
            arm = self.arm.value
        else:
            arm = self.arm

        entered_on: None | str | Unset
        if isinstance(self.entered_on, Unset):
            entered_on = UNSET
        elif isinstance(self.entered_on, datetime.date):
            entered_on = self.entered_on.isoformat()
        else:
            entered_on = self.entered_on

        next_step: dict[str, Any] | None | Unset
        if isinstance(self.next_step, Unset):
            next_step = UNSET
        elif isinstance(self.next_step, NextStep):
            next_step = self.next_step.to_dict()
        else:
            next_step = self.next_step

        segment: None | str | Unset
        if isinstance(self.segment, Unset):
            segment = UNSET
        else:
            segment = self.segment

        strategy_id: int | None | Unset
        if isinstance(self.strategy_id, Unset):
            strategy_id = UNSET
        else:
            strategy_id = self.strategy_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "steps_taken": steps_taken,
            }
        )
        if arm is not UNSET:
            field_dict["arm"] = arm
        if entered_on is not UNSET:
            field_dict["entered_on"] = entered_on
        if next_step is not UNSET:
            field_dict["next_step"] = next_step
        if segment is not UNSET:
            field_dict["segment"] = segment
        if strategy_id is not UNSET:
            field_dict["strategy_id"] = strategy_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.next_step import NextStep  # noqa: PLC0415
        from ..models.step_taken import StepTaken  # noqa: PLC0415

        d = dict(src_dict)
        steps_taken = []
        _steps_taken = d.pop("steps_taken")
        for steps_taken_item_data in _steps_taken:
            steps_taken_item = StepTaken.from_dict(steps_taken_item_data)

            steps_taken.append(steps_taken_item)

        def _parse_arm(data: object) -> Arm | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                arm_type_0 = Arm(data)

                return arm_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Arm | None | Unset, data)

        arm = _parse_arm(d.pop("arm", UNSET))

        def _parse_entered_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                entered_on_type_0 = datetime.date.fromisoformat(data)

                return entered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        entered_on = _parse_entered_on(d.pop("entered_on", UNSET))

        def _parse_next_step(data: object) -> NextStep | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_step_type_0 = NextStep.from_dict(data)

                return next_step_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextStep | None | Unset, data)

        next_step = _parse_next_step(d.pop("next_step", UNSET))

        def _parse_segment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        segment = _parse_segment(d.pop("segment", UNSET))

        def _parse_strategy_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        strategy_id = _parse_strategy_id(d.pop("strategy_id", UNSET))

        account_strategy = cls(
            steps_taken=steps_taken,
            arm=arm,
            entered_on=entered_on,
            next_step=next_step,
            segment=segment,
            strategy_id=strategy_id,
        )

        account_strategy.additional_properties = d
        return account_strategy

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
