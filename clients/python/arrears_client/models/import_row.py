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
        currency (None | str | Unset):  Example: USD.
        portfolio (None | str | Unset):
        team_id (int | None | Unset):
    """

    balance: int
    debtor: CreateDebtorRequest
    delinquent_since: datetime.date
    external_ref: str
    original_amount: int
    currency: None | str | Unset = UNSET
    portfolio: None | str | Unset = UNSET
    team_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        debtor = self.debtor.to_dict()

        delinquent_since = self.delinquent_since.isoformat()

        external_ref = self.external_ref

        original_amount = self.original_amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

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
        if currency is not UNSET:
            field_dict["currency"] = currency
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

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

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
            currency=currency,
            portfolio=portfolio,
            team_id=team_id,
        )

        return import_row
