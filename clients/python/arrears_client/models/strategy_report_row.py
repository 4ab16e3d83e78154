from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.arm import Arm
from ..types import UNSET, Unset

T = TypeVar("T", bound="StrategyReportRow")


@_attrs_define
class StrategyReportRow:
    """The figures of a segment in an arm, in one currency.

    Example:
        {'accounts': 120, 'arm': 'challenger', 'balance_at_entry': 18250000, 'collected_amount': 2190000, 'cure_rate':
            0.2083, 'currency': 'USD', 'liquidation_rate': 0.12, 'promise_kept_rate': 0.6875, 'rpc_rate': 0.4417, 'segment':
            'early'}

    Attributes:
        accounts (int): Stays in the segment during the days (an account that left and came back counts per stay).
        arm (Arm): The arm an account is in. Example: champion.
        balance_at_entry (int): Minor units: the balances when the stays began.
        collected_amount (int): Minor units: payments received during the stays, within the days.
        currency (str):
        segment (str):
        cure_rate (float | None | Unset): Share of stays whose account is now `paid`, `settled` or `in_arrangement`.
        liquidation_rate (float | None | Unset): `collected_amount ÷ balance_at_entry` (4 decimals).
        promise_kept_rate (float | None | Unset): Promises kept ÷ promises kept or broken, of those made during the
            stays.
        rpc_rate (float | None | Unset): Share of stays with a right-party contact.
    """

    accounts: int
    arm: Arm
    balance_at_entry: int
    collected_amount: int
    currency: str
    segment: str
    cure_rate: float | None | Unset = UNSET
    liquidation_rate: float | None | Unset = UNSET
    promise_kept_rate: float | None | Unset = UNSET
    rpc_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts

        arm = self.arm.value

        balance_at_entry = self.balance_at_entry

        collected_amount = self.collected_amount

        currency = self.currency

        segment = self.segment

        cure_rate: float | None | Unset
        if isinstance(self.cure_rate, Unset):
            cure_rate = UNSET
        else:
            cure_rate = self.cure_rate

        liquidation_rate: float | None | Unset
        if isinstance(self.liquidation_rate, Unset):
            liquidation_rate = UNSET
        else:
            liquidation_rate = self.liquidation_rate

        promise_kept_rate: float | None | Unset
        if isinstance(self.promise_kept_rate, Unset):
            promise_kept_rate = UNSET
        else:
            promise_kept_rate = self.promise_kept_rate

        rpc_rate: float | None | Unset
        if isinstance(self.rpc_rate, Unset):
            rpc_rate = UNSET
        else:
            rpc_rate = self.rpc_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "arm": arm,
                "balance_at_entry": balance_at_entry,
                "collected_amount": collected_amount,
                "currency": currency,
                "segment": segment,
            }
        )
        if cure_rate is not UNSET:
            field_dict["cure_rate"] = cure_rate
        if liquidation_rate is not UNSET:
            field_dict["liquidation_rate"] = liquidation_rate
        if promise_kept_rate is not UNSET:
            field_dict["promise_kept_rate"] = promise_kept_rate
        if rpc_rate is not UNSET:
            field_dict["rpc_rate"] = rpc_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounts = d.pop("accounts")

        arm = Arm(d.pop("arm"))

        balance_at_entry = d.pop("balance_at_entry")

        collected_amount = d.pop("collected_amount")

        currency = d.pop("currency")

        segment = d.pop("segment")

        def _parse_cure_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cure_rate = _parse_cure_rate(d.pop("cure_rate", UNSET))

        def _parse_liquidation_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        liquidation_rate = _parse_liquidation_rate(d.pop("liquidation_rate", UNSET))

        def _parse_promise_kept_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        promise_kept_rate = _parse_promise_kept_rate(d.pop("promise_kept_rate", UNSET))

        def _parse_rpc_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rpc_rate = _parse_rpc_rate(d.pop("rpc_rate", UNSET))

        strategy_report_row = cls(
            accounts=accounts,
            arm=arm,
            balance_at_entry=balance_at_entry,
            collected_amount=collected_amount,
            currency=currency,
            segment=segment,
            cure_rate=cure_rate,
            liquidation_rate=liquidation_rate,
            promise_kept_rate=promise_kept_rate,
            rpc_rate=rpc_rate,
        )

        strategy_report_row.additional_properties = d
        return strategy_report_row

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
