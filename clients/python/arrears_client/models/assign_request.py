from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AssignRequest")


@_attrs_define
class AssignRequest:
    """Accounts to give to an agent.

    Example:
        {'account_ids': [101, 102, 103], 'assignee_id': 12}

    Attributes:
        account_ids (list[int]): 1 to 1,000 distinct account ids, all visible to you.
        assignee_id (int): An active agent (of your team, for a team lead).
    """

    account_ids: list[int]
    assignee_id: int

    def to_dict(self) -> dict[str, Any]:
        account_ids = self.account_ids

        assignee_id = self.assignee_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_ids": account_ids,
                "assignee_id": assignee_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_ids = cast(list[int], d.pop("account_ids"))

        assignee_id = d.pop("assignee_id")

        assign_request = cls(
            account_ids=account_ids,
            assignee_id=assignee_id,
        )

        return assign_request
