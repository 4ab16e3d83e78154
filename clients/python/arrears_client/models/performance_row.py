from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PerformanceRow")


@_attrs_define
class PerformanceRow:
    """Performance of one agent or team, in one currency, over a period. Money is never summed
    across currencies: a group has one row per currency it has money in (payments, promises or
    targets), and one row with `currency: null` when it has none. The activity figures
    (`accounts_worked`, `contact_attempts`, `right_party_contacts`, `rpc_rate`) are the group's
    whole work, not money: they repeat on each of its rows (do not add them across rows).
    Definitions (period `[from, to]`, UTC dates):

        Example:
            {'accounts_worked': 40, 'attainment': 0.25, 'collected_amount': 1250000, 'contact_attempts': 120, 'currency':
                'USD', 'group_id': 12, 'group_name': 'Arto Agent', 'promise_kept_rate': 0.625, 'promised_amount': 960000,
                'promises': 8, 'promises_kept': 5, 'right_party_contacts': 30, 'rpc_rate': 0.25, 'target_amount': 5000000}

        Attributes:
            accounts_worked (int): Distinct accounts with at least one contact logged by the group in the period: for a
                team, an account two of its agents worked counts once.
            collected_amount (int): Payments in `currency` the group recorded with `received_on` in the period, less
                reversed ones; recoveries on written-off accounts excluded.
            contact_attempts (int): Outbound phone contacts (every attempt, voicemails and no-answers included).
            group_id (int): The agent's or team's id.
            group_name (str):
            promised_amount (int): Their total (minor units).
            promises (int): Promise-to-pay arrangements the group set up in the period, on accounts in `currency`.
            promises_kept (int): The group's promises in `currency` due in the period that were paid in full.
            right_party_contacts (int): Outbound phone contacts that were conversations with the debtor.
            attainment (float | None | Unset): `collected_amount ÷ target_amount` (null without a target).
            currency (None | str | Unset): ISO 4217 code of the row's money (null for a group with no money in the period).
                Example: USD.
            promise_kept_rate (float | None | Unset): `promises_kept ÷ promises due in the period` (null when none was due).
            rpc_rate (float | None | Unset): `right_party_contacts ÷ contact_attempts` (4 decimals; null without attempts).
            target_amount (int | None | Unset): Targets in `currency` of the months the period touches (null when none is
                set).
    """

    accounts_worked: int
    collected_amount: int
    contact_attempts: int
    group_id: int
    group_name: str
    promised_amount: int
    promises: int
    promises_kept: int
    right_party_contacts: int
    attainment: float | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    promise_kept_rate: float | None | Unset = UNSET
    rpc_rate: float | None | Unset = UNSET
    target_amount: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts_worked = self.accounts_worked

        collected_amount = self.collected_amount

        contact_attempts = self.contact_attempts

        group_id = self.group_id

        group_name = self.group_name

        promised_amount = self.promised_amount

        promises = self.promises

        promises_kept = self.promises_kept

        right_party_contacts = self.right_party_contacts

        attainment: float | None | Unset
        if isinstance(self.attainment, Unset):
            attainment = UNSET
        else:
            attainment = self.attainment

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

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

        target_amount: int | None | Unset
        if isinstance(self.target_amount, Unset):
            target_amount = UNSET
        else:
            target_amount = self.target_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts_worked": accounts_worked,
                "collected_amount": collected_amount,
                "contact_attempts": contact_attempts,
                "group_id": group_id,
                "group_name": group_name,
                "promised_amount": promised_amount,
                "promises": promises,
                "promises_kept": promises_kept,
                "right_party_contacts": right_party_contacts,
            }
        )
        if attainment is not UNSET:
            field_dict["attainment"] = attainment
        if currency is not UNSET:
            field_dict["currency"] = currency
        if promise_kept_rate is not UNSET:
            field_dict["promise_kept_rate"] = promise_kept_rate
        if rpc_rate is not UNSET:
            field_dict["rpc_rate"] = rpc_rate
        if target_amount is not UNSET:
            field_dict["target_amount"] = target_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounts_worked = d.pop("accounts_worked")

        collected_amount = d.pop("collected_amount")

        contact_attempts = d.pop("contact_attempts")

        group_id = d.pop("group_id")

        group_name = d.pop("group_name")

        promised_amount = d.pop("promised_amount")

        promises = d.pop("promises")

        promises_kept = d.pop("promises_kept")

        right_party_contacts = d.pop("right_party_contacts")

        def _parse_attainment(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        attainment = _parse_attainment(d.pop("attainment", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

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

        def _parse_target_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target_amount = _parse_target_amount(d.pop("target_amount", UNSET))

        performance_row = cls(
            accounts_worked=accounts_worked,
            collected_amount=collected_amount,
            contact_attempts=contact_attempts,
            group_id=group_id,
            group_name=group_name,
            promised_amount=promised_amount,
            promises=promises,
            promises_kept=promises_kept,
            right_party_contacts=right_party_contacts,
            attainment=attainment,
            currency=currency,
            promise_kept_rate=promise_kept_rate,
            rpc_rate=rpc_rate,
            target_amount=target_amount,
        )

        performance_row.additional_properties = d
        return performance_row

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
