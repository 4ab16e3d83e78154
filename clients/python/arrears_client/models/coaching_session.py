from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.coaching_action import CoachingAction


T = TypeVar("T", bound="CoachingSession")


@_attrs_define
class CoachingSession:
    """A one-to-one with an agent: what was discussed, the evaluations it went through, and the
    actions agreed.

        Example:
            {'actions': [{'agent_id': 12, 'coach_id': 5, 'completed_at': None, 'completed_by': None, 'due_on': '2026-11-20',
                'id': 31, 'overdue': False, 'session_id': 9, 'status': 'open', 'text': 'Offer a payment plan before ending any
                call with a refusal.'}], 'agent_id': 12, 'coach_id': 5, 'created_at': '2026-11-06T15:00:00.000000Z',
                'evaluation_ids': [7], 'held_on': '2026-11-06', 'id': 9, 'notes': 'Listened to two calls together.', 'team_id':
                2, 'topics': ['objection handling', 'mini-Miranda']}

        Attributes:
            actions (list[CoachingAction]):
            agent_id (int):
            coach_id (int):
            created_at (datetime.datetime):
            evaluation_ids (list[int]):
            held_on (datetime.date):
            id (int):
            topics (list[str]):
            notes (None | str | Unset):
            team_id (int | None | Unset): The agent's team when coached.
    """

    actions: list[CoachingAction]
    agent_id: int
    coach_id: int
    created_at: datetime.datetime
    evaluation_ids: list[int]
    held_on: datetime.date
    id: int
    topics: list[str]
    notes: None | str | Unset = UNSET
    team_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        agent_id = self.agent_id

        coach_id = self.coach_id

        created_at = self.created_at.isoformat()

        evaluation_ids = self.evaluation_ids

        held_on = self.held_on.isoformat()

        id = self.id

        topics = self.topics

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions": actions,
                "agent_id": agent_id,
                "coach_id": coach_id,
                "created_at": created_at,
                "evaluation_ids": evaluation_ids,
                "held_on": held_on,
                "id": id,
                "topics": topics,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coaching_action import CoachingAction  # noqa: PLC0415

        d = dict(src_dict)
        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = CoachingAction.from_dict(actions_item_data)

            actions.append(actions_item)

        agent_id = d.pop("agent_id")

        coach_id = d.pop("coach_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        evaluation_ids = cast(list[int], d.pop("evaluation_ids"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        id = d.pop("id")

        topics = cast(list[str], d.pop("topics"))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        coaching_session = cls(
            actions=actions,
            agent_id=agent_id,
            coach_id=coach_id,
            created_at=created_at,
            evaluation_ids=evaluation_ids,
            held_on=held_on,
            id=id,
            topics=topics,
            notes=notes,
            team_id=team_id,
        )

        coaching_session.additional_properties = d
        return coaching_session

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
