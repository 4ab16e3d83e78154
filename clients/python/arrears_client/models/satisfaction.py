from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.survey_channel import SurveyChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="Satisfaction")


@_attrs_define
class Satisfaction:
    """A survey answer.

    Example:
        {'account_id': 101, 'agent_id': 12, 'answered_at': '2026-11-30T16:20:00.000000Z', 'channel': 'ivr', 'comment':
            'polite and clear', 'contact_id': 88, 'created_by': 12, 'id': 5, 'score': 4, 'team_id': 2}

    Attributes:
        account_id (int):
        answered_at (datetime.datetime):
        channel (SurveyChannel): How the survey was answered. Example: ivr.
        id (int):
        score (int): 1 (very dissatisfied) to 5 (very satisfied).
        agent_id (int | None | Unset): The contact's agent, else the account's assignee when answered.
        comment (None | str | Unset):
        contact_id (int | None | Unset):
        created_by (int | None | Unset):
        team_id (int | None | Unset): The account's team when answered.
    """

    account_id: int
    answered_at: datetime.datetime
    channel: SurveyChannel
    id: int
    score: int
    agent_id: int | None | Unset = UNSET
    comment: None | str | Unset = UNSET
    contact_id: int | None | Unset = UNSET
    created_by: int | None | Unset = UNSET
    team_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        answered_at = self.answered_at.isoformat()

        channel = self.channel.value

        id = self.id

        score = self.score

        agent_id: int | None | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        contact_id: int | None | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        created_by: int | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "answered_at": answered_at,
                "channel": channel,
                "id": id,
                "score": score,
            }
        )
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if comment is not UNSET:
            field_dict["comment"] = comment
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        answered_at = datetime.datetime.fromisoformat(d.pop("answered_at"))

        channel = SurveyChannel(d.pop("channel"))

        id = d.pop("id")

        score = d.pop("score")

        def _parse_agent_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_contact_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        def _parse_created_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        satisfaction = cls(
            account_id=account_id,
            answered_at=answered_at,
            channel=channel,
            id=id,
            score=score,
            agent_id=agent_id,
            comment=comment,
            contact_id=contact_id,
            created_by=created_by,
            team_id=team_id,
        )

        satisfaction.additional_properties = d
        return satisfaction

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
