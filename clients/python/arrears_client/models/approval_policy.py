from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.tier_limits import TierLimits


T = TypeVar("T", bound="ApprovalPolicy")


@_attrs_define
class ApprovalPolicy:
    """The approval policy: limits per tier.

    Example:
        {'agent': {'adjustment_max': 0, 'plan_max_installments': 12, 'settlement_max_discount_bps': 0,
            'settlement_max_forgiven': 0, 'write_off_max': 0}, 'head': {'adjustment_max': None, 'plan_max_installments':
            None, 'settlement_max_discount_bps': None, 'settlement_max_forgiven': None, 'write_off_max': None}, 'manager':
            {'adjustment_max': 500000, 'plan_max_installments': 60, 'settlement_max_discount_bps': 5000,
            'settlement_max_forgiven': 2500000, 'write_off_max': 2500000}, 'team_lead': {'adjustment_max': 10000,
            'plan_max_installments': 24, 'settlement_max_discount_bps': 2500, 'settlement_max_forgiven': 250000,
            'write_off_max': 100000}}

    Attributes:
        agent (TierLimits): What one tier may approve. `null` means unlimited. Example: {'adjustment_max': 10000,
            'plan_max_installments': 24, 'settlement_max_discount_bps': 2500, 'settlement_max_forgiven': 250000,
            'write_off_max': 100000}.
        head (TierLimits): What one tier may approve. `null` means unlimited. Example: {'adjustment_max': 10000,
            'plan_max_installments': 24, 'settlement_max_discount_bps': 2500, 'settlement_max_forgiven': 250000,
            'write_off_max': 100000}.
        manager (TierLimits): What one tier may approve. `null` means unlimited. Example: {'adjustment_max': 10000,
            'plan_max_installments': 24, 'settlement_max_discount_bps': 2500, 'settlement_max_forgiven': 250000,
            'write_off_max': 100000}.
        team_lead (TierLimits): What one tier may approve. `null` means unlimited. Example: {'adjustment_max': 10000,
            'plan_max_installments': 24, 'settlement_max_discount_bps': 2500, 'settlement_max_forgiven': 250000,
            'write_off_max': 100000}.
    """

    agent: TierLimits
    head: TierLimits
    manager: TierLimits
    team_lead: TierLimits

    def to_dict(self) -> dict[str, Any]:
        agent = self.agent.to_dict()

        head = self.head.to_dict()

        manager = self.manager.to_dict()

        team_lead = self.team_lead.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agent": agent,
                "head": head,
                "manager": manager,
                "team_lead": team_lead,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tier_limits import TierLimits  # noqa: PLC0415

        d = dict(src_dict)
        agent = TierLimits.from_dict(d.pop("agent"))

        head = TierLimits.from_dict(d.pop("head"))

        manager = TierLimits.from_dict(d.pop("manager"))

        team_lead = TierLimits.from_dict(d.pop("team_lead"))

        approval_policy = cls(
            agent=agent,
            head=head,
            manager=manager,
            team_lead=team_lead,
        )

        return approval_policy
