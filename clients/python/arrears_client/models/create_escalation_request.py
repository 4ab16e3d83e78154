from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.escalation_tier import EscalationTier

T = TypeVar("T", bound="CreateEscalationRequest")


@_attrs_define
class CreateEscalationRequest:
    """An escalation to raise.

    Example:
        {'reason': 'debtor threatens legal action', 'to_role': 'manager'}

    Attributes:
        reason (str):
        to_role (EscalationTier): The tier an escalation goes to. Example: team_lead.
    """

    reason: str
    to_role: EscalationTier

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        to_role = self.to_role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "to_role": to_role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        to_role = EscalationTier(d.pop("to_role"))

        create_escalation_request = cls(
            reason=reason,
            to_role=to_role,
        )

        return create_escalation_request
