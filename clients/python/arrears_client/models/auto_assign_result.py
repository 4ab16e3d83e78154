from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agent_share import AgentShare
    from ..models.assignment import Assignment


T = TypeVar("T", bound="AutoAssignResult")


@_attrs_define
class AutoAssignResult:
    """What auto-assignment did.

    Example:
        {'agents': [{'accounts_assigned': 1, 'agent_id': 12, 'total_balance': 182550}], 'data': [{'account_id': 101,
            'assigned_by': 4, 'assignee_id': 12, 'ended_at': None, 'id': 55, 'started_at': '2026-11-22T14:03:00.000000Z'}]}

    Attributes:
        agents (list[AgentShare]): Each active agent of the team, with what they hold now.
        data (list[Assignment]):
    """

    agents: list[AgentShare]
    data: list[Assignment]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agents = []
        for agents_item_data in self.agents:
            agents_item = agents_item_data.to_dict()
            agents.append(agents_item)

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agents": agents,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_share import AgentShare  # noqa: PLC0415
        from ..models.assignment import Assignment  # noqa: PLC0415

        d = dict(src_dict)
        agents = []
        _agents = d.pop("agents")
        for agents_item_data in _agents:
            agents_item = AgentShare.from_dict(agents_item_data)

            agents.append(agents_item)

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Assignment.from_dict(data_item_data)

            data.append(data_item)

        auto_assign_result = cls(
            agents=agents,
            data=data,
        )

        auto_assign_result.additional_properties = d
        return auto_assign_result

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
