from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentSummary")


@_attrs_define
class AgentSummary:
    """One agent's period.

    Example:
        {'agent_id': 12, 'attainment': 0.65, 'attempts': 1, 'collected': 65000, 'complaints': 1, 'kept_rate': 1.0,
            'name': 'Arto Agent', 'quality_average': None, 'right_party_contacts': 1, 'rpc_rate': 1.0, 'target': 100000}

    Attributes:
        agent_id (int):
        attempts (int): Outbound phone attempts.
        collected (int): Payments the agent recorded, received in the period, in the report's currency.
        complaints (int): Complaints received in the period that count against the agent.
        name (str):
        right_party_contacts (int):
        attainment (float | None | Unset):
        kept_rate (float | None | Unset): The agent's promises due in the period paid in full ÷ due.
        quality_average (float | None | Unset): The average score of the evaluations of the agent's contacts made in the
            period (0 to
            100, one decimal; null without evaluations).
        rpc_rate (float | None | Unset):
        target (int | None | Unset): The agent's monthly targets prorated to the period.
    """

    agent_id: int
    attempts: int
    collected: int
    complaints: int
    name: str
    right_party_contacts: int
    attainment: float | None | Unset = UNSET
    kept_rate: float | None | Unset = UNSET
    quality_average: float | None | Unset = UNSET
    rpc_rate: float | None | Unset = UNSET
    target: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        attempts = self.attempts

        collected = self.collected

        complaints = self.complaints

        name = self.name

        right_party_contacts = self.right_party_contacts

        attainment: float | None | Unset
        if isinstance(self.attainment, Unset):
            attainment = UNSET
        else:
            attainment = self.attainment

        kept_rate: float | None | Unset
        if isinstance(self.kept_rate, Unset):
            kept_rate = UNSET
        else:
            kept_rate = self.kept_rate

        quality_average: float | None | Unset
        if isinstance(self.quality_average, Unset):
            quality_average = UNSET
        else:
            quality_average = self.quality_average

        rpc_rate: float | None | Unset
        if isinstance(self.rpc_rate, Unset):
            rpc_rate = UNSET
        else:
            rpc_rate = self.rpc_rate

        target: int | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "attempts": attempts,
                "collected": collected,
                "complaints": complaints,
                "name": name,
                "right_party_contacts": right_party_contacts,
            }
        )
        if attainment is not UNSET:
            field_dict["attainment"] = attainment
        if kept_rate is not UNSET:
            field_dict["kept_rate"] = kept_rate
        if quality_average is not UNSET:
            field_dict["quality_average"] = quality_average
        if rpc_rate is not UNSET:
            field_dict["rpc_rate"] = rpc_rate
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        attempts = d.pop("attempts")

        collected = d.pop("collected")

        complaints = d.pop("complaints")

        name = d.pop("name")

        right_party_contacts = d.pop("right_party_contacts")

        def _parse_attainment(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        attainment = _parse_attainment(d.pop("attainment", UNSET))

        def _parse_kept_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        kept_rate = _parse_kept_rate(d.pop("kept_rate", UNSET))

        def _parse_quality_average(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        quality_average = _parse_quality_average(d.pop("quality_average", UNSET))

        def _parse_rpc_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rpc_rate = _parse_rpc_rate(d.pop("rpc_rate", UNSET))

        def _parse_target(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        agent_summary = cls(
            agent_id=agent_id,
            attempts=attempts,
            collected=collected,
            complaints=complaints,
            name=name,
            right_party_contacts=right_party_contacts,
            attainment=attainment,
            kept_rate=kept_rate,
            quality_average=quality_average,
            rpc_rate=rpc_rate,
            target=target,
        )

        agent_summary.additional_properties = d
        return agent_summary

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
