from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.question import Question


T = TypeVar("T", bound="EvaluationForm")


@_attrs_define
class EvaluationForm:
    """A form of weighted questions that evaluations answer.

    Example:
        {'created_at': '2026-11-01T09:00:00.000000Z', 'created_by': 3, 'id': 1, 'name': 'Outbound call quality',
            'questions': [{'fatal': True, 'key': 'mini_miranda', 'scale': 'yes_no', 'text': 'Gave the mini-Miranda
            disclosure', 'weight': 20}, {'fatal': False, 'key': 'negotiation', 'scale': 'zero_to_five', 'text': 'Negotiated
            within policy', 'weight': 30}], 'updated_at': '2026-11-01T09:00:00.000000Z', 'used': True}

    Attributes:
        created_at (datetime.datetime):
        id (int):
        name (str):
        questions (list[Question]):
        updated_at (datetime.datetime):
        used (bool): An evaluation has used it: it can no longer change (create a new form instead).
        created_by (int | None | Unset):
    """

    created_at: datetime.datetime
    id: int
    name: str
    questions: list[Question]
    updated_at: datetime.datetime
    used: bool
    created_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        updated_at = self.updated_at.isoformat()

        used = self.used

        created_by: int | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "name": name,
                "questions": questions,
                "updated_at": updated_at,
                "used": used,
            }
        )
        if created_by is not UNSET:
            field_dict["created_by"] = created_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question import Question  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = Question.from_dict(questions_item_data)

            questions.append(questions_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        used = d.pop("used")

        def _parse_created_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        evaluation_form = cls(
            created_at=created_at,
            id=id,
            name=name,
            questions=questions,
            updated_at=updated_at,
            used=used,
            created_by=created_by,
        )

        evaluation_form.additional_properties = d
        return evaluation_form

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
