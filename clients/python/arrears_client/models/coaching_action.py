from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.coaching_action_status import CoachingActionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CoachingAction")


@_attrs_define
class CoachingAction:
    """Something the agent agreed to do by a date.

    Example:
        {'agent_id': 12, 'coach_id': 5, 'completed_at': None, 'completed_by': None, 'due_on': '2026-11-20', 'id': 31,
            'overdue': False, 'session_id': 9, 'status': 'open', 'text': 'Offer a payment plan before ending any call with a
            refusal.'}

    Attributes:
        agent_id (int):
        coach_id (int):
        due_on (datetime.date):
        id (int):
        overdue (bool): Open past `due_on` (UTC), now.
        session_id (int):
        status (CoachingActionStatus): `open` until the agent or the coach completes it. Example: open.
        text (str):
        completed_at (datetime.datetime | None | Unset):
        completed_by (int | None | Unset):
    """

    agent_id: int
    coach_id: int
    due_on: datetime.date
    id: int
    overdue: bool
    session_id: int
    status: CoachingActionStatus
    text: str
    completed_at: datetime.datetime | None | Unset = UNSET
    completed_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        coach_id = self.coach_id

        due_on = self.due_on.isoformat()

        id = self.id

        overdue = self.overdue

        session_id = self.session_id

        status = self.status.value

        text = self.text

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        completed_by: int | None | Unset
        if isinstance(self.completed_by, Unset):
            completed_by = UNSET
        else:
            completed_by = self.completed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "coach_id": coach_id,
                "due_on": due_on,
                "id": id,
                "overdue": overdue,
                "session_id": session_id,
                "status": status,
                "text": text,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if completed_by is not UNSET:
            field_dict["completed_by"] = completed_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        coach_id = d.pop("coach_id")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        id = d.pop("id")

        overdue = d.pop("overdue")

        session_id = d.pop("session_id")

        status = CoachingActionStatus(d.pop("status"))

        text = d.pop("text")

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_completed_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        completed_by = _parse_completed_by(d.pop("completed_by", UNSET))

        coaching_action = cls(
            agent_id=agent_id,
            coach_id=coach_id,
            due_on=due_on,
            id=id,
            overdue=overdue,
            session_id=session_id,
            status=status,
            text=text,
            completed_at=completed_at,
            completed_by=completed_by,
        )

        coaching_action.additional_properties = d
        return coaching_action

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
