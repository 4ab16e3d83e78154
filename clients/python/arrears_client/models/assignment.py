from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Assignment")


@_attrs_define
class Assignment:
    """One period during which an agent held an account.

    Example:
        {'account_id': 101, 'assigned_by': 4, 'assignee_id': 12, 'ended_at': None, 'id': 55, 'started_at':
            '2026-11-22T14:03:00.000000Z'}

    Attributes:
        account_id (int):
        assignee_id (int): The agent.
        id (int):
        started_at (datetime.datetime):
        assigned_by (int | None | Unset): Who assigned it (`null` when the system did).
        ended_at (datetime.datetime | None | Unset): `null` while current.
    """

    account_id: int
    assignee_id: int
    id: int
    started_at: datetime.datetime
    assigned_by: int | None | Unset = UNSET
    ended_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        assignee_id = self.assignee_id

        id = self.id

        started_at = self.started_at.isoformat()

        assigned_by: int | None | Unset
        if isinstance(self.assigned_by, Unset):
            assigned_by = UNSET
        else:
            assigned_by = self.assigned_by

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "assignee_id": assignee_id,
                "id": id,
                "started_at": started_at,
            }
        )
        if assigned_by is not UNSET:
            field_dict["assigned_by"] = assigned_by
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        assignee_id = d.pop("assignee_id")

        id = d.pop("id")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_assigned_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assigned_by = _parse_assigned_by(d.pop("assigned_by", UNSET))

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        assignment = cls(
            account_id=account_id,
            assignee_id=assignee_id,
            id=id,
            started_at=started_at,
            assigned_by=assigned_by,
            ended_at=ended_at,
        )

        assignment.additional_properties = d
        return assignment

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
