from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evaluation_dispute_outcome import EvaluationDisputeOutcome
from ..models.evaluation_status import EvaluationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stored_answer import StoredAnswer


T = TypeVar("T", bound="Evaluation")


@_attrs_define
class Evaluation:
    """A scored review of one contact.

    Example:
        {'account_id': 101, 'acknowledged_at': None, 'agent_id': 12, 'answers': [{'key': 'mini_miranda', 'value': 1},
            {'key': 'negotiation', 'value': 4}], 'comment': 'Good control of the call.', 'contact_id': 311,
            'dispute_outcome': None, 'dispute_reason': 'The debtor hung up before I could offer a plan.', 'dispute_until':
            '2026-11-10', 'disputed_at': '2026-11-04T09:00:00.000000Z', 'evaluated_at': '2026-11-03T10:00:00.000000Z',
            'evaluator_id': 5, 'fatal_failed': False, 'form_id': 1, 'id': 7, 'original_score': None, 'resolved_at': None,
            'resolved_by': None, 'score': 88.0, 'status': 'disputed', 'team_id': 2}

    Attributes:
        account_id (int):
        agent_id (int): The agent who made the contact.
        answers (list[StoredAnswer]):
        contact_id (int):
        dispute_until (datetime.date): The last UTC day the agent may dispute it: 7 days after the evaluation's day.
        evaluated_at (datetime.datetime):
        evaluator_id (int):
        fatal_failed (bool): A fatal question was answered 0 (the score is 0).
        form_id (int):
        id (int):
        score (float): 0 to 100, one decimal (see `POST /v1/contacts/{id}/evaluations` for the formula).
        status (EvaluationStatus): `submitted` → `acknowledged` (the agent accepts it) or `disputed` (the agent contests
            it
            within 7 days) → `resolved` (someone other than the evaluator decides). Example: submitted.
        acknowledged_at (datetime.datetime | None | Unset):
        comment (None | str | Unset):
        dispute_outcome (EvaluationDisputeOutcome | None | Unset):
        dispute_reason (None | str | Unset):
        disputed_at (datetime.datetime | None | Unset):
        original_score (float | None | Unset): The formula's score before an upheld dispute corrected it.
        resolved_at (datetime.datetime | None | Unset):
        resolved_by (int | None | Unset):
        team_id (int | None | Unset): The agent's team when evaluated.
    """

    account_id: int
    agent_id: int
    answers: list[StoredAnswer]
    contact_id: int
    dispute_until: datetime.date
    evaluated_at: datetime.datetime
    evaluator_id: int
    fatal_failed: bool
    form_id: int
    id: int
    score: float
    status: EvaluationStatus
    acknowledged_at: datetime.datetime | None | Unset = UNSET
    comment: None | str | Unset = UNSET
    dispute_outcome: EvaluationDisputeOutcome | None | Unset = UNSET
    dispute_reason: None | str | Unset = UNSET
    disputed_at: datetime.datetime | None | Unset = UNSET
    original_score: float | None | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    resolved_by: int | None | Unset = UNSET
    team_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        agent_id = self.agent_id

        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)

        contact_id = self.contact_id

        dispute_until = self.dispute_until.isoformat()

        evaluated_at = self.evaluated_at.isoformat()

        evaluator_id = self.evaluator_id

        fatal_failed = self.fatal_failed

        form_id = self.form_id

        id = self.id

        score = self.score

        status = self.status.value

        acknowledged_at: None | str | Unset
        if isinstance(self.acknowledged_at, Unset):
            acknowledged_at = UNSET
        elif isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        dispute_outcome: None | str | Unset
        if isinstance(self.dispute_outcome, Unset):
            dispute_outcome = UNSET
        elif isinstance(self.dispute_outcome, EvaluationDisputeOutcome):
            dispute_outcome = self.dispute_outcome.value
        else:
            dispute_outcome = self.dispute_outcome

        dispute_reason: None | str | Unset
        if isinstance(self.dispute_reason, Unset):
            dispute_reason = UNSET
        else:
            dispute_reason = self.dispute_reason

        disputed_at: None | str | Unset
        if isinstance(self.disputed_at, Unset):
            disputed_at = UNSET
        elif isinstance(self.disputed_at, datetime.datetime):
            disputed_at = self.disputed_at.isoformat()
        else:
            disputed_at = self.disputed_at

        original_score: float | None | Unset
        if isinstance(self.original_score, Unset):
            original_score = UNSET
        else:
            original_score = self.original_score

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: int | None | Unset
        if isinstance(self.resolved_by, Unset):
            resolved_by = UNSET
        else:
            resolved_by = self.resolved_by

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "agent_id": agent_id,
                "answers": answers,
                "contact_id": contact_id,
                "dispute_until": dispute_until,
                "evaluated_at": evaluated_at,
                "evaluator_id": evaluator_id,
                "fatal_failed": fatal_failed,
                "form_id": form_id,
                "id": id,
                "score": score,
                "status": status,
            }
        )
        if acknowledged_at is not UNSET:
            field_dict["acknowledged_at"] = acknowledged_at
        if comment is not UNSET:
            field_dict["comment"] = comment
        if dispute_outcome is not UNSET:
            field_dict["dispute_outcome"] = dispute_outcome
        if dispute_reason is not UNSET:
            field_dict["dispute_reason"] = dispute_reason
        if disputed_at is not UNSET:
            field_dict["disputed_at"] = disputed_at
        if original_score is not UNSET:
            field_dict["original_score"] = original_score
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if resolved_by is not UNSET:
            field_dict["resolved_by"] = resolved_by
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stored_answer import StoredAnswer  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("account_id")

        agent_id = d.pop("agent_id")

        answers = []
        _answers = d.pop("answers")
        for answers_item_data in _answers:
            answers_item = StoredAnswer.from_dict(answers_item_data)

            answers.append(answers_item)

        contact_id = d.pop("contact_id")

        dispute_until = datetime.date.fromisoformat(d.pop("dispute_until"))

        evaluated_at = datetime.datetime.fromisoformat(d.pop("evaluated_at"))

        evaluator_id = d.pop("evaluator_id")

        fatal_failed = d.pop("fatal_failed")

        form_id = d.pop("form_id")

        id = d.pop("id")

        score = d.pop("score")

        status = EvaluationStatus(d.pop("status"))

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_dispute_outcome(data: object) -> EvaluationDisputeOutcome | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dispute_outcome_type_0 = EvaluationDisputeOutcome(data)

                return dispute_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvaluationDisputeOutcome | None | Unset, data)

        dispute_outcome = _parse_dispute_outcome(d.pop("dispute_outcome", UNSET))

        def _parse_dispute_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dispute_reason = _parse_dispute_reason(d.pop("dispute_reason", UNSET))

        def _parse_disputed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disputed_at_type_0 = datetime.datetime.fromisoformat(data)

                return disputed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        disputed_at = _parse_disputed_at(d.pop("disputed_at", UNSET))

        def _parse_original_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        original_score = _parse_original_score(d.pop("original_score", UNSET))

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        def _parse_resolved_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by", UNSET))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        evaluation = cls(
            account_id=account_id,
            agent_id=agent_id,
            answers=answers,
            contact_id=contact_id,
            dispute_until=dispute_until,
            evaluated_at=evaluated_at,
            evaluator_id=evaluator_id,
            fatal_failed=fatal_failed,
            form_id=form_id,
            id=id,
            score=score,
            status=status,
            acknowledged_at=acknowledged_at,
            comment=comment,
            dispute_outcome=dispute_outcome,
            dispute_reason=dispute_reason,
            disputed_at=disputed_at,
            original_score=original_score,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
            team_id=team_id,
        )

        evaluation.additional_properties = d
        return evaluation

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
