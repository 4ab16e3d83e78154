from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateAccountRequest")


@_attrs_define
class UpdateAccountRequest:
    """Descriptive changes. `balance`, `status` and the assignee change only through their own
    operations (payments, approvals, assignments): sending them here is refused with 422.

        Example:
            {'portfolio': 'cards-2026q4'}

        Attributes:
            portfolio (None | str | Unset): A portfolio name, or `null` to clear it.
            team_id (int | None | Unset): Move the account to another team (`null`: no team). Moving it ends its current
                assignment.
    """

    portfolio: None | str | Unset = UNSET
    team_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        field_dict.update({})
        if portfolio is not UNSET:
            field_dict["portfolio"] = portfolio
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        update_account_request = cls(
            portfolio=portfolio,
            team_id=team_id,
        )

        return update_account_request
