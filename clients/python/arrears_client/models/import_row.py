from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_debtor_request import CreateDebtorRequest


T = TypeVar("T", bound="ImportRow")


@_attrs_define
class ImportRow:
    """One account to place, with its debtor inline. Upserted by `external_ref`.

    Example:
        {'balance': 182550, 'debtor': {'external_ref': 'CUST-0042', 'name': 'Jordan Reyes', 'phone': '+16125550123',
            'region': 'MN', 'timezone': 'America/Chicago'}, 'delinquent_since': '2026-08-14', 'external_ref':
            'ACC-2026-000101', 'original_amount': 250000, 'portfolio': 'cards-2026q3', 'team_id': 3}

    Attributes:
        balance (int):
        debtor (CreateDebtorRequest): A new debtor. Example: {'email': 'jordan@example.com', 'external_ref':
            'CUST-0042', 'name': 'Jordan Reyes', 'phone': '(612) 555-0123', 'region': 'MN', 'timezone': 'America/Chicago'}.
        delinquent_since (datetime.date):
        external_ref (str):
        original_amount (int):
        costs (int | None | Unset): Costs (legal, court) within `balance` (minor units, ≥ 0; default 0). Principal is
            the
            rest. They place a new account; a re-placed account keeps its parts and its principal
            moves by the balance's difference.
        currency (None | str | Unset):  Example: USD.
        fees (int | None | Unset): Fees within `balance` (minor units, ≥ 0; default 0).
        interest (int | None | Unset): Interest within `balance` (minor units, ≥ 0; default 0).
        portfolio (None | str | Unset):
        team_id (int | None | Unset):
    """

    balance: int
    debtor: CreateDebtorRequest
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

        debtor = self.debtor.to_dict()

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
                "debtor": debtor,
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
        from ..models.create_debtor_request import CreateDebtorRequest  # noqa: PLC0415

        d = dict(src_dict)
        balance = d.pop("balance")

        debtor = CreateDebtorRequest.from_dict(d.pop("debtor"))

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

        import_row = cls(
            balance=balance,
            debtor=debtor,
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

        return import_row
