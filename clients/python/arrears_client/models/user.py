from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """A user of arrears (never includes the password hash).

    Example:
        {'active': True, 'created_at': '2026-11-22T14:03:00.000000Z', 'email': 'dana.agent@example.com', 'id': 12,
            'name': 'Dana Agent', 'role': 'agent', 'team_id': 3, 'updated_at': '2026-11-22T14:03:00.000000Z'}

    Attributes:
        active (bool): `false` once deactivated: the user can no longer sign in, and tokens already issued stop working.
        created_at (datetime.datetime):
        email (str): Sign-in email, stored lower-case; unique.
        id (int):
        name (str):
        role (Role): A user's role. `agent` < `team_lead` < `manager` < `head` is the approval tier order;
            `admin` (users and teams) and `auditor` (read-only compliance) stand outside it. Example: agent.
        updated_at (datetime.datetime):
        team_id (int | None | Unset): The user's team; `null` for users outside any team.
    """

    active: bool
    created_at: datetime.datetime
    email: str
    id: int
    name: str
    role: Role
    updated_at: datetime.datetime
    team_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        email = self.email

        id = self.id

        name = self.name

        role = self.role.value

        updated_at = self.updated_at.isoformat()

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "email": email,
                "id": id,
                "name": name,
                "role": role,
                "updated_at": updated_at,
            }
        )
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        id = d.pop("id")

        name = d.pop("name")

        role = Role(d.pop("role"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        user = cls(
            active=active,
            created_at=created_at,
            email=email,
            id=id,
            name=name,
            role=role,
            updated_at=updated_at,
            team_id=team_id,
        )

        user.additional_properties = d
        return user

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
