from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_request import ActionRequest


T = TypeVar("T", bound="CoachingSessionRequest")


@_attrs_define
class CoachingSessionRequest:
    """A coaching session as held.

    Example:
        {'actions': [{'due_on': '2026-11-20', 'text': 'Offer a payment plan before ending any call with a refusal.'}],
            'agent_id': 12, 'evaluation_ids': [7], 'held_on': '2026-11-06', 'notes': 'Listened to two calls together.',
            'topics': ['objection handling', 'mini-Miranda']}

    Attributes:
        agent_id (int): The coached user: a team lead coaches their team, managers and heads anyone; nobody
            themselves.
        held_on (datetime.date): Not in the future.
        topics (list[str]): 1 to 20 topics of 1 to 200 characters (surrounding spaces are dropped).
        actions (list[ActionRequest] | Unset): At most 20 actions.
        evaluation_ids (list[int] | Unset): Evaluations of this agent the session went through (at most 50).
        notes (None | str | Unset):
    """

    agent_id: int
    held_on: datetime.date
    topics: list[str]
    actions: list[ActionRequest] | Unset = UNSET
    evaluation_ids: list[int] | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        held_on = self.held_on.isoformat()

        topics = self.topics

        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        evaluation_ids: list[int] | Unset = UNSET
        if not isinstance(self.evaluation_ids, Unset):
            evaluation_ids = self.evaluation_ids

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agent_id": agent_id,
                "held_on": held_on,
                "topics": topics,
            }
        )
        if actions is not UNSET:
            field_dict["actions"] = actions
        if evaluation_ids is not UNSET:
            field_dict["evaluation_ids"] = evaluation_ids
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_request import ActionRequest  # noqa: PLC0415

        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        topics = cast(list[str], d.pop("topics"))

        _actions = d.pop("actions", UNSET)
        actions: list[ActionRequest] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:
                actions_item = ActionRequest.from_dict(actions_item_data)

                actions.append(actions_item)

        evaluation_ids = cast(list[int], d.pop("evaluation_ids", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        coaching_session_request = cls(
            agent_id=agent_id,
            held_on=held_on,
            topics=topics,
            actions=actions,
            evaluation_ids=evaluation_ids,
            notes=notes,
        )

        return coaching_session_request
