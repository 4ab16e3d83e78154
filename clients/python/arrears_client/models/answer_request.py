from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AnswerRequest")


@_attrs_define
class AnswerRequest:
    """One answer: 0 or 1 for `yes_no`, 0 to 5 for `zero_to_five`, null for not applicable.

    Example:
        {'key': 'negotiation', 'value': 4}

    Attributes:
        key (str):
        value (int | None | Unset):
    """

    key: str
    value: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value: int | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        def _parse_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        answer_request = cls(
            key=key,
            value=value,
        )

        return answer_request
