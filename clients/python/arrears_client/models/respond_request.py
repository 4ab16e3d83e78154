from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RespondRequest")


@_attrs_define
class RespondRequest:
    """A response to the complainant.

    Example:
        {'response': 'We are checking the fee with the client and will write by 5 December.'}

    Attributes:
        response (str):
    """

    response: str

    def to_dict(self) -> dict[str, Any]:
        response = self.response

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "response": response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        response = d.pop("response")

        respond_request = cls(
            response=response,
        )

        return respond_request
