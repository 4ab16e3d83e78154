from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.survey_channel import SurveyChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSatisfactionRequest")


@_attrs_define
class CreateSatisfactionRequest:
    """A survey answer.

    Example:
        {'channel': 'ivr', 'comment': 'polite and clear', 'contact_id': 88, 'score': 4}

    Attributes:
        channel (SurveyChannel): How the survey was answered. Example: ivr.
        score (int): 1 (very dissatisfied) to 5 (very satisfied).
        comment (None | str | Unset):
        contact_id (int | None | Unset): The contact the survey followed (of this account): the answer counts for its
            agent.
    """

    channel: SurveyChannel
    score: int
    comment: None | str | Unset = UNSET
    contact_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        score = self.score

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "score": score,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = SurveyChannel(d.pop("channel"))

        score = d.pop("score")

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

        create_satisfaction_request = cls(
            channel=channel,
            score=score,
            comment=comment,
            contact_id=contact_id,
        )

        return create_satisfaction_request
