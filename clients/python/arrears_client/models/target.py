from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_scope import TargetScope
from ..types import UNSET, Unset

T = TypeVar("T", bound="Target")


@_attrs_define
class Target:
    """A monthly collection target.

    Example:
        {'collected_amount': 5000000, 'currency': 'USD', 'period': '2026-11', 'scope': 'agent', 'set_by': 4,
            'subject_id': 12}

    Attributes:
        collected_amount (int): Minor units (of `currency`) to collect in the period.
        currency (str): ISO 4217: a subject has one target per period and currency. Example: USD.
        period (str): `YYYY-MM`.
        scope (TargetScope): Whose target. Example: agent.
        subject_id (int): The agent's or team's id.
        set_by (int | None | Unset):
    """

    collected_amount: int
    currency: str
    period: str
    scope: TargetScope
    subject_id: int
    set_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collected_amount = self.collected_amount

        currency = self.currency

        period = self.period

        scope = self.scope.value

        subject_id = self.subject_id

        set_by: int | None | Unset
        if isinstance(self.set_by, Unset):
            set_by = UNSET
        else:
            set_by = self.set_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "collected_amount": collected_amount,
                "currency": currency,
                "period": period,
                "scope": scope,
                "subject_id": subject_id,
            }
        )
        if set_by is not UNSET:
            field_dict["set_by"] = set_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collected_amount = d.pop("collected_amount")

        currency = d.pop("currency")

        period = d.pop("period")

        scope = TargetScope(d.pop("scope"))

        subject_id = d.pop("subject_id")

        def _parse_set_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        set_by = _parse_set_by(d.pop("set_by", UNSET))

        target = cls(
            collected_amount=collected_amount,
            currency=currency,
            period=period,
            scope=scope,
            subject_id=subject_id,
            set_by=set_by,
        )

        target.additional_properties = d
        return target

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
