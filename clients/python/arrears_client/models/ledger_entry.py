from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ledger_kind import LedgerKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.balance_after import BalanceAfter
    from ..models.parts import Parts


T = TypeVar("T", bound="LedgerEntry")


@_attrs_define
class LedgerEntry:
    """One money movement of an account.

    Example:
        {'amounts': {'costs': 0, 'fees': -2500, 'interest': 0, 'principal': -7500}, 'balance_after': {'costs': 0,
            'fees': 0, 'interest': 5000, 'principal': 90000, 'total': 95000}, 'id': 12, 'kind': 'payment', 'occurred_at':
            '2026-11-22T14:03:00.000000Z', 'payment_id': 31}

    Attributes:
        amounts (Parts): Amounts per part (minor units): a balance's parts, or what a movement took from each. Example:
            {'costs': 0, 'fees': 2500, 'interest': 7500, 'principal': 90000}.
        balance_after (BalanceAfter): A balance's parts and their total. Example: {'costs': 0, 'fees': 0, 'interest':
            5000, 'principal': 90000, 'total': 95000}.
        id (int):
        kind (LedgerKind): What moved the money. Example: payment.
        occurred_at (datetime.datetime):
        adjustment_id (int | None | Unset):
        amount (int | None | Unset): Money that moved no part: what a recovery on a written-off account received
            (negative
            when reversed).
        approval_id (int | None | Unset):
        payment_id (int | None | Unset):
    """

    amounts: Parts
    balance_after: BalanceAfter
    id: int
    kind: LedgerKind
    occurred_at: datetime.datetime
    adjustment_id: int | None | Unset = UNSET
    amount: int | None | Unset = UNSET
    approval_id: int | None | Unset = UNSET
    payment_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amounts = self.amounts.to_dict()

        balance_after = self.balance_after.to_dict()

        id = self.id

        kind = self.kind.value

        occurred_at = self.occurred_at.isoformat()

        adjustment_id: int | None | Unset
        if isinstance(self.adjustment_id, Unset):
            adjustment_id = UNSET
        else:
            adjustment_id = self.adjustment_id

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        approval_id: int | None | Unset
        if isinstance(self.approval_id, Unset):
            approval_id = UNSET
        else:
            approval_id = self.approval_id

        payment_id: int | None | Unset
        if isinstance(self.payment_id, Unset):
            payment_id = UNSET
        else:
            payment_id = self.payment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amounts": amounts,
                "balance_after": balance_after,
                "id": id,
                "kind": kind,
                "occurred_at": occurred_at,
            }
        )
        if adjustment_id is not UNSET:
            field_dict["adjustment_id"] = adjustment_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if approval_id is not UNSET:
            field_dict["approval_id"] = approval_id
        if payment_id is not UNSET:
            field_dict["payment_id"] = payment_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.balance_after import BalanceAfter  # noqa: PLC0415
        from ..models.parts import Parts  # noqa: PLC0415

        d = dict(src_dict)
        amounts = Parts.from_dict(d.pop("amounts"))

        balance_after = BalanceAfter.from_dict(d.pop("balance_after"))

        id = d.pop("id")

        kind = LedgerKind(d.pop("kind"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_adjustment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        adjustment_id = _parse_adjustment_id(d.pop("adjustment_id", UNSET))

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_approval_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approval_id = _parse_approval_id(d.pop("approval_id", UNSET))

        def _parse_payment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        payment_id = _parse_payment_id(d.pop("payment_id", UNSET))

        ledger_entry = cls(
            amounts=amounts,
            balance_after=balance_after,
            id=id,
            kind=kind,
            occurred_at=occurred_at,
            adjustment_id=adjustment_id,
            amount=amount,
            approval_id=approval_id,
            payment_id=payment_id,
        )

        ledger_entry.additional_properties = d
        return ledger_entry

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
