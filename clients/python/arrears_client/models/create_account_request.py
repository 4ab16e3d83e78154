from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAccountRequest")


@_attrs_define
class CreateAccountRequest:
    """A new account (placement).

    Example:
        {'balance': 182550, 'currency': 'USD', 'debtor_id': 7, 'delinquent_since': '2026-08-14', 'external_ref':
            'ACC-2026-000101', 'fees': 2500, 'interest': 10050, 'original_amount': 250000, 'portfolio': 'cards-2026q3',
            'team_id': 3}

    Attributes:
        balance (int): Minor units, from 0 to `original_amount`.
        debtor_id (int):
        delinquent_since (datetime.date): Not in the future.
        external_ref (str): Unique (409 `account-ref-taken`).
        original_amount (int): Minor units, ≥ 0.
        costs (int | None | Unset): Costs (legal, court) within `balance` (minor units, ≥ 0; default 0). Principal is
            the
            rest of the balance (422 when interest, fees and costs exceed it).
        currency (None | str | Unset): ISO 4217; default `USD`. Example: USD.
        fees (int | None | Unset): Fees within `balance` (minor units, ≥ 0; default 0).
        interest (int | None | Unset): Interest within `balance` (minor units, ≥ 0; default 0).
        portfolio (None | str | Unset):
        team_id (int | None | Unset):
    """

    balance: int
    debtor_id: int
    delinquent_since: datetime.date
    external_ref: str
    original_amount: int
    costs: int | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    fees: int | None | Unset = UNSET
    interest: int | None | Unset = UNSET
    portfolio: None | str | Unset = UNSET
    team_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        debtor_id = self.debtor_id

        delinquent_since = self.delinquent_since.isoformat()

        external_ref = self.external_ref

        original_amount = self.original_amount

        costs: int | None | Unset
        if isinstance(self.costs, Unset):
            costs = UNSET
        else:
            costs = self.costs

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        fees: int | None | Unset
        if isinstance(self.fees, Unset):
            fees = UNSET
        else:
            fees = self.fees

        interest: int | None | Unset
        if isinstance(self.interest, Unset):
            interest = UNSET
        else:
            interest = self.interest

        portfolio: None | str | Unset
        if isinstance(self.portfolio, Unset):
            portfolio = UNSET
        else:
            portfolio = self.portfolio

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "balance": balance,
                "debtor_id": debtor_id,
                "delinquent_since": delinquent_since,
                "external_ref": external_ref,
                "original_amount": original_amount,
            }
        )
        if costs is not UNSET:
            field_dict["costs"] = costs
        if currency is not UNSET:
            field_dict["currency"] = currency
        if fees is not UNSET:
            field_dict["fees"] = fees
        if interest is not UNSET:
            field_dict["interest"] = interest
        if portfolio is not UNSET:
            field_dict["portfolio"] = portfolio
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        debtor_id = d.pop("debtor_id")

        delinquent_since = datetime.date.fromisoformat(d.pop("delinquent_since"))

        external_ref = d.pop("external_ref")

        original_amount = d.pop("original_amount")

        def _parse_costs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        costs = _parse_costs(d.pop("costs", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_fees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fees = _parse_fees(d.pop("fees", UNSET))

        def _parse_interest(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interest = _parse_interest(d.pop("interest", UNSET))

        def _parse_portfolio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio = _parse_portfolio(d.pop("portfolio", UNSET))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        create_account_request = cls(
            balance=balance,
            debtor_id=debtor_id,
            delinquent_since=delinquent_since,
            external_ref=external_ref,
            original_amount=original_amount,
            costs=costs,
            currency=currency,
            fees=fees,
            interest=interest,
            portfolio=portfolio,
            team_id=team_id,
        )

        return create_account_request
