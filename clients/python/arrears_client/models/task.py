from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_kind import TaskKind
from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """Work for a team lead.

    Example:
        {'account_id': 101, 'assignee_id': 4, 'completed_at': None, 'completed_by': None, 'created_at':
            '2026-11-30T02:00:12.000000Z', 'due_on': '2026-12-01', 'id': 7, 'kind': 'review', 'status': 'open', 'step_id':
            90}

    Attributes:
        account_id (int):
        created_at (datetime.datetime):
        due_on (datetime.date):
        id (int):
        kind (TaskKind): What a task asks for. Example: review.
        status (TaskStatus): Where a task is. Example: open.
        assignee_id (int | None | Unset): The account's team lead when the task was made (null: the team has none).
        completed_at (datetime.datetime | None | Unset):
        completed_by (int | None | Unset):
        step_id (int | None | Unset): The strategy step that made it.
    """

    account_id: int
    created_at: datetime.datetime
    due_on: datetime.date
    id: int
    kind: TaskKind
    status: TaskStatus
    assignee_id: int | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    completed_by: int | None | Unset = UNSET
    step_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        created_at = self.created_at.isoformat()

        due_on = self.due_on.isoformat()

        id = self.id

        kind = self.kind.value

        status = self.status.value

        assignee_id: int | None | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = self.assignee_id

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        completed_by: int | None | Unset
        if isinstance(self.completed_by, Unset):
            completed_by = UNSET
        else:
            completed_by = self.completed_by

        step_id: int | None | Unset
        if isinstance(self.step_id, Unset):
            step_id = UNSET
        else:
            step_id = self.step_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "created_at": created_at,
                "due_on": due_on,
                "id": id,
                "kind": kind,
                "status": status,
            }
        )
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if completed_by is not UNSET:
            field_dict["completed_by"] = completed_by
        if step_id is not UNSET:
            field_dict["step_id"] = step_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        id = d.pop("id")

        kind = TaskKind(d.pop("kind"))

        status = TaskStatus(d.pop("status"))

        def _parse_assignee_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_completed_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        completed_by = _parse_completed_by(d.pop("completed_by", UNSET))

        def _parse_step_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        step_id = _parse_step_id(d.pop("step_id", UNSET))

        task = cls(
            account_id=account_id,
            created_at=created_at,
            due_on=due_on,
            id=id,
            kind=kind,
            status=status,
            assignee_id=assignee_id,
            completed_at=completed_at,
            completed_by=completed_by,
            step_id=step_id,
        )

        task.additional_properties = d
        return task

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
