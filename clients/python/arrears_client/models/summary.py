from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.period_kind import PeriodKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_summary import AgentSummary
    from ..models.aging_change import AgingChange
    from ..models.collected import Collected
    from ..models.complaint_summary import ComplaintSummary
    from ..models.contacts import Contacts
    from ..models.expected_income import ExpectedIncome
    from ..models.promises import Promises
    from ..models.roll_rate import RollRate
    from ..models.satisfaction_summary import SatisfactionSummary


T = TypeVar("T", bound="Summary")


@_attrs_define
class Summary:
    """The management report.

    Example:
        {'agents': [{'agent_id': 12, 'attainment': 0.65, 'attempts': 1, 'collected': 65000, 'complaints': 1,
            'kept_rate': 1.0, 'name': 'Arto Agent', 'quality_average': None, 'right_party_contacts': 1, 'rpc_rate': 1.0,
            'target': 100000}], 'aging': [{'balance': 115000, 'balance_at_start': 75000, 'balance_change': 40000, 'bucket':
            '31-60', 'count': 2, 'count_at_start': 1, 'count_change': 1}], 'collected': {'amount': 65000, 'attainment':
            0.5417, 'per_day': [{'amount': 0, 'date': '2026-10-01'}], 'previous_amount': 5000, 'target': 120000},
            'complaints': {'closed': 0, 'justified': 0, 'justified_rate': None, 'median_days_to_close': None, 'open': 2,
            'overdue': 1, 'received': 1}, 'contacts': {'attempts': 120, 'right_party_contacts': 30, 'rpc_rate': 0.25},
            'currency': 'USD', 'end': '2026-10-31', 'expected_income': {'installments': 40000, 'kept_rate': 0.8, 'period':
            '2026-11', 'scheduled': 40000, 'settlements': 0, 'weighted': 32000}, 'label': '2026-10', 'narrative': ['In
            2026-10 the team collected 650.00 USD, 54.2 % of the target of 1,200.00 USD.'], 'period': 'month', 'promises':
            {'broken': 1, 'due': 3, 'kept': 2, 'kept_rate': 0.6667, 'made': 4}, 'roll_rates': [{'accounts': 3, 'bucket':
            '1-30', 'roll_rate': 0.6667, 'rolled': 2}], 'satisfaction': {'average_score': 5.0, 'csat': 1.0, 'responses': 1},
            'start': '2026-10-01', 'team_id': 1}

    Attributes:
        agents (list[AgentSummary]): Best first: by attainment, then collected.
        aging (list[AgingChange]): All seven buckets, in order.
        collected (Collected): Money collected. Example: {'amount': 65000, 'attainment': 0.5417, 'per_day': [{'amount':
            50000, 'date': '2026-10-10'}], 'previous_amount': 5000, 'target': 120000}.
        complaints (ComplaintSummary): Complaints of the period (definitions as in `GET /v1/reports/complaints`).
            Example: {'closed': 0, 'justified': 0, 'justified_rate': None, 'median_days_to_close': None, 'open': 2,
            'overdue': 1, 'received': 1}.
        contacts (Contacts): Contacts of the period's agents (from the contact rollup). Example: {'attempts': 120,
            'right_party_contacts': 30, 'rpc_rate': 0.25}.
        currency (str):
        end (datetime.date): Last day of the period.
        expected_income (ExpectedIncome): Money expected in the next period. Example: {'installments': 40000,
            'kept_rate': 0.8, 'period': '2026-11', 'scheduled': 40000, 'settlements': 0, 'weighted': 32000}.
        label (str): `2026-11-30`, `2026-W49` or `2026-11`.
        narrative (list[str]): The period's story in a few sentences, written from the figures.
        period (PeriodKind): How long the period is. Example: month.
        promises (Promises): Promises to pay. Example: {'broken': 1, 'due': 3, 'kept': 2, 'kept_rate': 0.6667, 'made':
            4}.
        roll_rates (list[RollRate]): Every bucket but `181+`, in order.
        satisfaction (SatisfactionSummary): Survey answers of the period. Example: {'average_score': 4.11, 'csat':
            0.7778, 'responses': 9}.
        start (datetime.date): First day of the period (UTC).
        team_id (int | None | Unset): The team reported on (`null`: every team).
    """

    agents: list[AgentSummary]
    aging: list[AgingChange]
    collected: Collected
    complaints: ComplaintSummary
    contacts: Contacts
    currency: str
    end: datetime.date
    expected_income: ExpectedIncome
    label: str
    narrative: list[str]
    period: PeriodKind
    promises: Promises
    roll_rates: list[RollRate]
    satisfaction: SatisfactionSummary
    start: datetime.date
    team_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agents = []
        for agents_item_data in self.agents:
            agents_item = agents_item_data.to_dict()
            agents.append(agents_item)

        aging = []
        for aging_item_data in self.aging:
            aging_item = aging_item_data.to_dict()
            aging.append(aging_item)

        collected = self.collected.to_dict()

        complaints = self.complaints.to_dict()

        contacts = self.contacts.to_dict()

        currency = self.currency

        end = self.end.isoformat()

        expected_income = self.expected_income.to_dict()

        label = self.label

        narrative = self.narrative

        period = self.period.value

        promises = self.promises.to_dict()

        roll_rates = []
        for roll_rates_item_data in self.roll_rates:
            roll_rates_item = roll_rates_item_data.to_dict()
            roll_rates.append(roll_rates_item)

        satisfaction = self.satisfaction.to_dict()

        start = self.start.isoformat()

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agents": agents,
                "aging": aging,
                "collected": collected,
                "complaints": complaints,
                "contacts": contacts,
                "currency": currency,
                "end": end,
                "expected_income": expected_income,
                "label": label,
                "narrative": narrative,
                "period": period,
                "promises": promises,
                "roll_rates": roll_rates,
                "satisfaction": satisfaction,
                "start": start,
            }
        )
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_summary import AgentSummary  # noqa: PLC0415
        from ..models.aging_change import AgingChange  # noqa: PLC0415
        from ..models.collected import Collected  # noqa: PLC0415
        from ..models.complaint_summary import ComplaintSummary  # noqa: PLC0415
        from ..models.contacts import Contacts  # noqa: PLC0415
        from ..models.expected_income import ExpectedIncome  # noqa: PLC0415
        from ..models.promises import Promises  # noqa: PLC0415
        from ..models.roll_rate import RollRate  # noqa: PLC0415
        from ..models.satisfaction_summary import SatisfactionSummary  # noqa: PLC0415

        d = dict(src_dict)
        agents = []
        _agents = d.pop("agents")
        for agents_item_data in _agents:
            agents_item = AgentSummary.from_dict(agents_item_data)

            agents.append(agents_item)

        aging = []
        _aging = d.pop("aging")
        for aging_item_data in _aging:
            aging_item = AgingChange.from_dict(aging_item_data)

            aging.append(aging_item)

        collected = Collected.from_dict(d.pop("collected"))

        complaints = ComplaintSummary.from_dict(d.pop("complaints"))

        contacts = Contacts.from_dict(d.pop("contacts"))

        currency = d.pop("currency")

        end = datetime.date.fromisoformat(d.pop("end"))

        expected_income = ExpectedIncome.from_dict(d.pop("expected_income"))

        label = d.pop("label")

        narrative = cast(list[str], d.pop("narrative"))

        period = PeriodKind(d.pop("period"))

        promises = Promises.from_dict(d.pop("promises"))

        roll_rates = []
        _roll_rates = d.pop("roll_rates")
        for roll_rates_item_data in _roll_rates:
            roll_rates_item = RollRate.from_dict(roll_rates_item_data)

            roll_rates.append(roll_rates_item)

        satisfaction = SatisfactionSummary.from_dict(d.pop("satisfaction"))

        start = datetime.date.fromisoformat(d.pop("start"))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        summary = cls(
            agents=agents,
            aging=aging,
            collected=collected,
            complaints=complaints,
            contacts=contacts,
            currency=currency,
            end=end,
            expected_income=expected_income,
            label=label,
            narrative=narrative,
            period=period,
            promises=promises,
            roll_rates=roll_rates,
            satisfaction=satisfaction,
            start=start,
            team_id=team_id,
        )

        summary.additional_properties = d
        return summary

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
