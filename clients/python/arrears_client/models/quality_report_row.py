from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QualityReportRow")


@_attrs_define
class QualityReportRow:
    """One agent's or team's quality over the period `[from, to]` (UTC days).

    Example:
        {'average_score': 82.5, 'coaching_sessions': 1, 'disputes': 1, 'evaluations': 4, 'fatal_failures': 1,
            'group_id': 12, 'group_name': 'Arto Agent', 'open_coaching_actions': 2, 'overdue_coaching_actions': 1}

    Attributes:
        coaching_sessions (int): Coaching sessions held in the period.
        disputes (int): Evaluations disputed in the period.
        evaluations (int): Evaluations made in the period (of the agent's contacts; for a team, of its agents' while
            in it).
        fatal_failures (int): Evaluations with a fatal question answered 0 (and not corrected by an upheld dispute).
        group_id (int): The agent's or team's id.
        group_name (str):
        open_coaching_actions (int): Coaching actions open at the end of the period (or of today, while it runs): of
            sessions
            held by then, not completed by then.
        overdue_coaching_actions (int): Of those, due before that day.
        average_score (float | None | Unset): Their average score, 0 to 100 at one decimal (null without evaluations).
    """

    coaching_sessions: int
    disputes: int
    evaluations: int
    fatal_failures: int
    group_id: int
    group_name: str
    open_coaching_actions: int
    overdue_coaching_actions: int
    average_score: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coaching_sessions = self.coaching_sessions

        disputes = self.disputes

        evaluations = self.evaluations

        fatal_failures = self.fatal_failures

        group_id = self.group_id

        group_name = self.group_name

        open_coaching_actions = self.open_coaching_actions

        overdue_coaching_actions = self.overdue_coaching_actions

        average_score: float | None | Unset
        if isinstance(self.average_score, Unset):
            average_score = UNSET
        else:
            average_score = self.average_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coaching_sessions": coaching_sessions,
                "disputes": disputes,
                "evaluations": evaluations,
                "fatal_failures": fatal_failures,
                "group_id": group_id,
                "group_name": group_name,
                "open_coaching_actions": open_coaching_actions,
                "overdue_coaching_actions": overdue_coaching_actions,
            }
        )
        if average_score is not UNSET:
            field_dict["average_score"] = average_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coaching_sessions = d.pop("coaching_sessions")

        disputes = d.pop("disputes")

        evaluations = d.pop("evaluations")

        fatal_failures = d.pop("fatal_failures")

        group_id = d.pop("group_id")

        group_name = d.pop("group_name")

        open_coaching_actions = d.pop("open_coaching_actions")

        overdue_coaching_actions = d.pop("overdue_coaching_actions")

        def _parse_average_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_score = _parse_average_score(d.pop("average_score", UNSET))

        quality_report_row = cls(
            coaching_sessions=coaching_sessions,
            disputes=disputes,
            evaluations=evaluations,
            fatal_failures=fatal_failures,
            group_id=group_id,
            group_name=group_name,
            open_coaching_actions=open_coaching_actions,
            overdue_coaching_actions=overdue_coaching_actions,
            average_score=average_score,
        )

        quality_report_row.additional_properties = d
        return quality_report_row

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
