from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TierLimits")


@_attrs_define
class TierLimits:
    """What one tier may approve. `null` means unlimited.

    Example:
        {'adjustment_max': 10000, 'plan_max_installments': 24, 'settlement_max_discount_bps': 2500,
            'settlement_max_forgiven': 250000, 'write_off_max': 100000}

    Attributes:
        adjustment_max (int | None): Largest lowering of a balance part by adjustment (minor units), applied without
            approval;
            a re-placement's balance change (`placement_update`) is bounded by it both ways.
            Required (`null` for unlimited).
        plan_max_installments (int | None | Unset): Longest plan (installments) set up without approval.
        settlement_max_discount_bps (int | None | Unset): Largest settlement discount (forgiven ÷ balance) in basis
            points: 2500 = 25 %.
        settlement_max_forgiven (int | None | Unset): Largest amount a settlement forgives (minor units).
        write_off_max (int | None | Unset): Largest write-off (minor units).
    """

    adjustment_max: int | None
    plan_max_installments: int | None | Unset = UNSET
    settlement_max_discount_bps: int | None | Unset = UNSET
    settlement_max_forgiven: int | None | Unset = UNSET
    write_off_max: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        adjustment_max: int | None
        adjustment_max = self.adjustment_max

        plan_max_installments: int | None | Unset
        if isinstance(self.plan_max_installments, Unset):
            plan_max_installments = UNSET
        else:
            plan_max_installments = self.plan_max_installments

        settlement_max_discount_bps: int | None | Unset
        if isinstance(self.settlement_max_discount_bps, Unset):
            settlement_max_discount_bps = UNSET
        else:
            settlement_max_discount_bps = self.settlement_max_discount_bps

        settlement_max_forgiven: int | None | Unset
        if isinstance(self.settlement_max_forgiven, Unset):
            settlement_max_forgiven = UNSET
        else:
            settlement_max_forgiven = self.settlement_max_forgiven

        write_off_max: int | None | Unset
        if isinstance(self.write_off_max, Unset):
            write_off_max = UNSET
        else:
            write_off_max = self.write_off_max

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adjustment_max": adjustment_max,
            }
        )
        if plan_max_installments is not UNSET:
            field_dict["plan_max_installments"] = plan_max_installments
        if settlement_max_discount_bps is not UNSET:
            field_dict["settlement_max_discount_bps"] = settlement_max_discount_bps
        if settlement_max_forgiven is not UNSET:
            field_dict["settlement_max_forgiven"] = settlement_max_forgiven
        if write_off_max is not UNSET:
            field_dict["write_off_max"] = write_off_max

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_adjustment_max(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        adjustment_max = _parse_adjustment_max(d.pop("adjustment_max"))

        def _parse_plan_max_installments(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        plan_max_installments = _parse_plan_max_installments(d.pop("plan_max_installments", UNSET))

        def _parse_settlement_max_discount_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        settlement_max_discount_bps = _parse_settlement_max_discount_bps(d.pop("settlement_max_discount_bps", UNSET))

        def _parse_settlement_max_forgiven(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        settlement_max_forgiven = _parse_settlement_max_forgiven(d.pop("settlement_max_forgiven", UNSET))

        def _parse_write_off_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        write_off_max = _parse_write_off_max(d.pop("write_off_max", UNSET))

        tier_limits = cls(
            adjustment_max=adjustment_max,
            plan_max_installments=plan_max_installments,
            settlement_max_discount_bps=settlement_max_discount_bps,
            settlement_max_forgiven=settlement_max_forgiven,
            write_off_max=write_off_max,
        )

        return tier_limits
