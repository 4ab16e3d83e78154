from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AutoAssignRequest")


@_attrs_define
class AutoAssignRequest:
    """The team to auto-assign.

    Example:
        {'team_id': 3}

    Attributes:
        team_id (int):
    """

    team_id: int

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team_id": team_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        auto_assign_request = cls(
            team_id=team_id,
        )

        return auto_assign_request
