from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgentShare")


@_attrs_define
class AgentShare:
    """One agent's share after auto-assignment.

    Example:
        {'accounts_assigned': 14, 'agent_id': 12, 'total_balance': 1825500}

    Attributes:
        accounts_assigned (int): Accounts given to the agent by this call.
        agent_id (int):
        total_balance (int): Balance of all open and in-arrangement accounts the agent now holds (minor units).
    """

    accounts_assigned: int
    agent_id: int
    total_balance: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts_assigned = self.accounts_assigned

        agent_id = self.agent_id

        total_balance = self.total_balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts_assigned": accounts_assigned,
                "agent_id": agent_id,
                "total_balance": total_balance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounts_assigned = d.pop("accounts_assigned")

        agent_id = d.pop("agent_id")

        total_balance = d.pop("total_balance")

        agent_share = cls(
            accounts_assigned=accounts_assigned,
            agent_id=agent_id,
            total_balance=total_balance,
        )

        agent_share.additional_properties = d
        return agent_share

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
