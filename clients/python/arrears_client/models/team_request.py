from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TeamRequest")


@_attrs_define
class TeamRequest:
    """A team's name.

    Example:
        {'name': 'North'}

    Attributes:
        name (str): 1 to 100 characters, unique (case-insensitively).
    """

    name: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        team_request = cls(
            name=name,
        )

        return team_request
