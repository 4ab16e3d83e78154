from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.team_figures import TeamFigures


T = TypeVar("T", bound="ScorecardSubject")


@_attrs_define
class ScorecardSubject:
    """Whose scorecard, which month, and the team's average agent.

    Example:
        {'agent_id': 12, 'currency': 'USD', 'name': 'Arto Agent', 'period': '2026-11', 'team': {'agents': 3,
            'attainment': 0.22, 'average_satisfaction': 4.1, 'average_score': 84.1, 'collected_amount': 1100000,
            'complaints_against': 0.67, 'complaints_justified': 0.0, 'contact_attempts': 101.33, 'evaluations': 3.33,
            'fatal_failures': 0.33, 'open_coaching_actions': 1.0, 'promise_kept_rate': 0.6, 'promises': 6.67, 'rpc_rate':
            0.2312, 'target_amount': 5000000}, 'team_id': 2, 'team_name': 'North'}

    Attributes:
        agent_id (int):
        currency (str): The currency of `collected_amount` (and of the team's).
        name (str):
        period (str): `YYYY-MM`.
        team (None | TeamFigures | Unset):
        team_id (int | None | Unset):
        team_name (None | str | Unset):
    """

    agent_id: int
    currency: str
    name: str
    period: str
    team: None | TeamFigures | Unset = UNSET
    team_id: int | None | Unset = UNSET
    team_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.team_figures import TeamFigures  # noqa: PLC0415

        agent_id = self.agent_id

        currency = self.currency

        name = self.name

        period = self.period

        team: dict[str, Any] | None | Unset
        if isinstance(self.team, Unset):
            team = UNSET
        elif isinstance(self.team, TeamFigures):
            team = self.team.to_dict()
        else:
            team = self.team

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        team_name: None | str | Unset
        if isinstance(self.team_name, Unset):
            team_name = UNSET
        else:
            team_name = self.team_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "currency": currency,
                "name": name,
                "period": period,
            }
        )
        if team is not UNSET:
            field_dict["team"] = team
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if team_name is not UNSET:
            field_dict["team_name"] = team_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.team_figures import TeamFigures  # noqa: PLC0415

        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        currency = d.pop("currency")

        name = d.pop("name")

        period = d.pop("period")

        def _parse_team(data: object) -> None | TeamFigures | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                team_type_0 = TeamFigures.from_dict(data)

                return team_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TeamFigures | Unset, data)

        team = _parse_team(d.pop("team", UNSET))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        def _parse_team_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_name = _parse_team_name(d.pop("team_name", UNSET))

        scorecard_subject = cls(
            agent_id=agent_id,
            currency=currency,
            name=name,
            period=period,
            team=team,
            team_id=team_id,
            team_name=team_name,
        )

        scorecard_subject.additional_properties = d
        return scorecard_subject

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
