from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.question import Question


T = TypeVar("T", bound="EvaluationFormRequest")


@_attrs_define
class EvaluationFormRequest:
    """A form of weighted questions.

    Example:
        {'name': 'Outbound call quality', 'questions': [{'fatal': True, 'key': 'mini_miranda', 'scale': 'yes_no',
            'text': 'Gave the mini-Miranda disclosure', 'weight': 20}, {'key': 'negotiation', 'scale': 'zero_to_five',
            'text': 'Negotiated within policy', 'weight': 30}]}

    Attributes:
        name (str): 1 to 200 characters.
        questions (list[Question]): 1 to 50 questions; keys unique (lower-case letters, digits, `_`); text 1 to 1000
            characters; weight 1 to 100; `fatal` defaults to false.
    """

    name: str
    questions: list[Question]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "questions": questions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question import Question  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = Question.from_dict(questions_item_data)

            questions.append(questions_item)

        evaluation_form_request = cls(
            name=name,
            questions=questions,
        )

        return evaluation_form_request
