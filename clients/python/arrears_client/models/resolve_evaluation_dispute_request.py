from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.evaluation_dispute_outcome import EvaluationDisputeOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolveEvaluationDisputeRequest")


@_attrs_define
class ResolveEvaluationDisputeRequest:
    """A dispute's decision.

    Example:
        {'outcome': 'upheld', 'score': 92.5}

    Attributes:
        outcome (EvaluationDisputeOutcome): `upheld`: the agent was right (the score may be corrected); `rejected`: it
            stands. Example: upheld.
        score (float | None | Unset): The corrected score (0 to 100, one decimal), only with `upheld`.
    """

    outcome: EvaluationDisputeOutcome
    score: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
            }
        )
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = EvaluationDisputeOutcome(d.pop("outcome"))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        resolve_evaluation_dispute_request = cls(
            outcome=outcome,
            score=score,
        )

        return resolve_evaluation_dispute_request
