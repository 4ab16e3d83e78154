from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.dispute_outcome import DisputeOutcome

T = TypeVar("T", bound="ResolveDisputeRequest")


@_attrs_define
class ResolveDisputeRequest:
    """How a dispute is resolved.

    Example:
        {'note': 'payment records show the balance is owed', 'outcome': 'rejected'}

    Attributes:
        note (str):
        outcome (DisputeOutcome): How a dispute ended. Example: rejected.
    """

    note: str
    outcome: DisputeOutcome

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        outcome = self.outcome.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        note = d.pop("note")

        outcome = DisputeOutcome(d.pop("outcome"))

        resolve_dispute_request = cls(
            note=note,
            outcome=outcome,
        )

        return resolve_dispute_request
