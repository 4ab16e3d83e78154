from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateUserRequest")


@_attrs_define
class CreateUserRequest:
    """A new user.

    Example:
        {'email': 'dana.agent@example.com', 'name': 'Dana Agent', 'password': 'a long passphrase', 'role': 'agent',
            'team_id': 3}

    Attributes:
        email (str):
        name (str):
        password (str): At least 12 characters.
        role (Role): A user's role. `agent` < `team_lead` < `manager` < `head` is the approval tier order;
            `admin` (users and teams) and `auditor` (read-only compliance) stand outside it. Example: agent.
        team_id (int | None | Unset): An existing team's id (422 `validation-failed` on `team_id` when no team has it).
    """

    email: str
    name: str
    password: str
    role: Role
    team_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        password = self.password

        role = self.role.value

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
                "password": password,
                "role": role,
            }
        )
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        password = d.pop("password")

        role = Role(d.pop("role"))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        create_user_request = cls(
            email=email,
            name=name,
            password=password,
            role=role,
            team_id=team_id,
        )

        return create_user_request
