from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.target_scope import TargetScope
from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetRequest")


@_attrs_define
class TargetRequest:
    """A target to set.

    Example:
        {'collected_amount': 5000000, 'currency': 'USD', 'period': '2026-11', 'scope': 'agent', 'subject_id': 12}

    Attributes:
        collected_amount (int): Minor units of `currency`, ≥ 0.
        period (str): `YYYY-MM`. Example: 2026-11.
        scope (TargetScope): Whose target. Example: agent.
        subject_id (int):
        currency (None | str | Unset): ISO 4217 (default `USD`): one target per subject, period and currency. Example:
            USD.
    """

    collected_amount: int
    period: str
    scope: TargetScope
    subject_id: int
    currency: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        collected_amount = self.collected_amount

        period = self.period

        scope = self.scope.value

        subject_id = self.subject_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "collected_amount": collected_amount,
                "period": period,
                "scope": scope,
                "subject_id": subject_id,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collected_amount = d.pop("collected_amount")

        period = d.pop("period")

        scope = TargetScope(d.pop("scope"))

        subject_id = d.pop("subject_id")

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        target_request = cls(
            collected_amount=collected_amount,
            period=period,
            scope=scope,
            subject_id=subject_id,
            currency=currency,
        )

        return target_request
