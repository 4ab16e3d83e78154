from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyRequest")


@_attrs_define
class ApiKeyRequest:
    """A key to create.

    Example:
        {'name': 'nightly ledger export', 'role': 'auditor'}

    Attributes:
        name (str): What the key is for.
        role (Role): A user's role. `agent` < `team_lead` < `manager` < `head` is the approval tier order;
            `admin` (users and teams) and `auditor` (read-only compliance) stand outside it. Example: agent.
        team_id (int | None | Unset): The team it acts for (an agent key sees the accounts assigned to its service user;
            a
            team lead key its team's). 422 on `team_id` when no team has it.
    """

    name: str
    role: Role
    team_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role = self.role.value

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "role": role,
            }
        )
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        role = Role(d.pop("role"))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        api_key_request = cls(
            name=name,
            role=role,
            team_id=team_id,
        )

        return api_key_request
