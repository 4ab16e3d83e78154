from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.decision import Decision
from ..types import UNSET, Unset

T = TypeVar("T", bound="BulkDecisionItem")


@_attrs_define
class BulkDecisionItem:
    """One decision of a bulk call.

    Example:
        {'decision': 'approve', 'id': 8, 'note': 'ok'}

    Attributes:
        decision (Decision): Approve or reject. Example: approve.
        id (int):
        note (None | str | Unset):
    """

    decision: Decision
    id: int
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        id = self.id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
                "id": id,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = Decision(d.pop("decision"))

        id = d.pop("id")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        bulk_decision_item = cls(
            decision=decision,
            id=id,
            note=note,
        )

        return bulk_decision_item
