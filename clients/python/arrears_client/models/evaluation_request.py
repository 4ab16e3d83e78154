from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answer_request import AnswerRequest


T = TypeVar("T", bound="EvaluationRequest")


@_attrs_define
class EvaluationRequest:
    """An evaluation of a contact.

    Example:
        {'answers': [{'key': 'mini_miranda', 'value': 1}, {'key': 'negotiation', 'value': 4}], 'comment': 'Good control
            of the call.', 'form_id': 1}

    Attributes:
        answers (list[AnswerRequest]): Every question of the form once (`value` null: not applicable), none other.
        form_id (int):
        comment (None | str | Unset):
    """

    answers: list[AnswerRequest]
    form_id: int
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)

        form_id = self.form_id

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
                "form_id": form_id,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_request import AnswerRequest  # noqa: PLC0415

        d = dict(src_dict)
        answers = []
        _answers = d.pop("answers")
        for answers_item_data in _answers:
            answers_item = AnswerRequest.from_dict(answers_item_data)

            answers.append(answers_item)

        form_id = d.pop("form_id")

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        evaluation_request = cls(
            answers=answers,
            form_id=form_id,
            comment=comment,
        )

        return evaluation_request
