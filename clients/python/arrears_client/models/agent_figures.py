from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentFigures")


@_attrs_define
class AgentFigures:
    """An agent's month.

    Example:
        {'attainment': 0.25, 'average_satisfaction': 4.25, 'average_score': 82.5, 'collected_amount': 1250000,
            'complaints_against': 1, 'complaints_justified': 0, 'contact_attempts': 120, 'evaluations': 4, 'fatal_failures':
            1, 'open_coaching_actions': 2, 'promise_kept_rate': 0.625, 'promises': 8, 'rpc_rate': 0.25, 'target_amount':
            5000000}

    Attributes:
        collected_amount (int): Payments the agent recorded, received in the month, in `currency`; reversed payments and
            recoveries on written-off accounts excluded.
        complaints_against (int): Complaints received in the month that count against the agent.
        complaints_justified (int): Of those, closed as justified.
        contact_attempts (int): Outbound phone attempts (from the contact rollup).
        evaluations (int): Evaluations of the agent's contacts made in the month.
        fatal_failures (int):
        open_coaching_actions (int): Coaching actions open at the end of the month (or today, in the current month).
        promises (int): Promises to pay set up in the month.
        attainment (float | None | Unset): `collected_amount ÷ target_amount` (4 decimals).
        average_satisfaction (float | None | Unset): Survey answers about the agent's contacts in the month (1 to 5, two
            decimals).
        average_score (float | None | Unset): Their average score (0 to 100, one decimal).
        promise_kept_rate (float | None | Unset): The agent's promises due in the month paid in full ÷ due.
        rpc_rate (float | None | Unset): Right-party contacts ÷ attempts.
        target_amount (int | None | Unset): The agent's target for the month (null when none is set).
    """

    collected_amount: int
    complaints_against: int
    complaints_justified: int
    contact_attempts: int
    evaluations: int
    fatal_failures: int
    open_coaching_actions: int
    promises: int
    attainment: float | None | Unset = UNSET
    average_satisfaction: float | None | Unset = UNSET
    average_score: float | None | Unset = UNSET
    promise_kept_rate: float | None | Unset = UNSET
    rpc_rate: float | None | Unset = UNSET
    target_amount: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collected_amount = self.collected_amount

        complaints_against = self.complaints_against

        complaints_justified = self.complaints_justified

        contact_attempts = self.contact_attempts

        evaluations = self.evaluations

        fatal_failures = self.fatal_failures

        open_coaching_actions = self.open_coaching_actions

        promises = self.promises

        attainment: float | None | Unset
        if isinstance(self.attainment, Unset):
            attainment = UNSET
        else:
            attainment = self.attainment

        average_satisfaction: float | None | Unset
        if isinstance(self.average_satisfaction, Unset):
            average_satisfaction = UNSET
        else:
            average_satisfaction = self.average_satisfaction

        average_score: float | None | Unset
        if isinstance(self.average_score, Unset):
            average_score = UNSET
        else:
            average_score = self.average_score

        promise_kept_rate: float | None | Unset
        if isinstance(self.promise_kept_rate, Unset):
            promise_kept_rate = UNSET
        else:
            promise_kept_rate = self.promise_kept_rate

        rpc_rate: float | None | Unset
        if isinstance(self.rpc_rate, Unset):
            rpc_rate = UNSET
        else:
            rpc_rate = self.rpc_rate

        target_amount: int | None | Unset
        if isinstance(self.target_amount, Unset):
            target_amount = UNSET
        else:
            target_amount = self.target_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collected_amount": collected_amount,
                "complaints_against": complaints_against,
                "complaints_justified": complaints_justified,
                "contact_attempts": contact_attempts,
                "evaluations": evaluations,
                "fatal_failures": fatal_failures,
                "open_coaching_actions": open_coaching_actions,
                "promises": promises,
            }
        )
        if attainment is not UNSET:
            field_dict["attainment"] = attainment
        if average_satisfaction is not UNSET:
            field_dict["average_satisfaction"] = average_satisfaction
        if average_score is not UNSET:
            field_dict["average_score"] = average_score
        if promise_kept_rate is not UNSET:
            field_dict["promise_kept_rate"] = promise_kept_rate
        if rpc_rate is not UNSET:
            field_dict["rpc_rate"] = rpc_rate
        if target_amount is not UNSET:
            field_dict["target_amount"] = target_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collected_amount = d.pop("collected_amount")

        complaints_against = d.pop("complaints_against")

        complaints_justified = d.pop("complaints_justified")

        contact_attempts = d.pop("contact_attempts")

        evaluations = d.pop("evaluations")

        fatal_failures = d.pop("fatal_failures")

        open_coaching_actions = d.pop("open_coaching_actions")

        promises = d.pop("promises")

        def _parse_attainment(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        attainment = _parse_attainment(d.pop("attainment", UNSET))

        def _parse_average_satisfaction(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_satisfaction = _parse_average_satisfaction(d.pop("average_satisfaction", UNSET))

        def _parse_average_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_score = _parse_average_score(d.pop("average_score", UNSET))

        def _parse_promise_kept_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        promise_kept_rate = _parse_promise_kept_rate(d.pop("promise_kept_rate", UNSET))

        def _parse_rpc_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rpc_rate = _parse_rpc_rate(d.pop("rpc_rate", UNSET))

        def _parse_target_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target_amount = _parse_target_amount(d.pop("target_amount", UNSET))

        agent_figures = cls(
            collected_amount=collected_amount,
            complaints_against=complaints_against,
            complaints_justified=complaints_justified,
            contact_attempts=contact_attempts,
            evaluations=evaluations,
            fatal_failures=fatal_failures,
            open_coaching_actions=open_coaching_actions,
            promises=promises,
            attainment=attainment,
            average_satisfaction=average_satisfaction,
            average_score=average_score,
            promise_kept_rate=promise_kept_rate,
            rpc_rate=rpc_rate,
            target_amount=target_amount,
        )

        agent_figures.additional_properties = d
        return agent_figures

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
