from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.scale import Scale
from ..types import UNSET, Unset

T = TypeVar("T", bound="Question")


@_attrs_define
class Question:
    """One question of a form.

    Example:
        {'fatal': True, 'key': 'mini_miranda', 'scale': 'yes_no', 'text': 'Gave the mini-Miranda disclosure', 'weight':
            20}

    Attributes:
        key (str): Unique within the form: lower-case letters, digits and `_`, 1 to 50 characters.
        scale (Scale): How a question is answered: `yes_no` takes 0 or 1, `zero_to_five` 0 to 5. Example: zero_to_five.
        text (str): 1 to 1000 characters, not only spaces (surrounding spaces are dropped).
        weight (int): 1 to 100.
        fatal (bool | Unset): Answered 0, the whole evaluation scores 0 (`fatal_failed`).
    """

    key: str
    scale: Scale
    text: str
    weight: int
    fatal: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        scale = self.scale.value

        text = self.text

        weight = self.weight

        fatal = self.fatal

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "scale": scale,
                "text": text,
                "weight": weight,
            }
        )
        if fatal is not UNSET:
            field_dict["fatal"] = fatal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        scale = Scale(d.pop("scale"))

        text = d.pop("text")

        weight = d.pop("weight")

        fatal = d.pop("fatal", UNSET)

        question = cls(
            key=key,
            scale=scale,
            text=text,
            weight=weight,
            fatal=fatal,
        )

        return question
