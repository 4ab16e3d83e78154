from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ActionRequest")


@_attrs_define
class ActionRequest:
    """An action agreed in the session.

    Example:
        {'due_on': '2026-11-20', 'text': 'Offer a payment plan before ending any call with a refusal.'}

    Attributes:
        due_on (datetime.date): On or after `held_on`.
        text (str):
    """

    due_on: datetime.date
    text: str

    def to_dict(self) -> dict[str, Any]:
        due_on = self.due_on.isoformat()

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "due_on": due_on,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        text = d.pop("text")

        action_request = cls(
            due_on=due_on,
            text=text,
        )

        return action_request
