from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_method import PaymentMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.parts import Parts


T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """Money received on an account.

    Example:
        {'account_id': 101, 'allocation': {'costs': 0, 'fees': 2500, 'interest': 0, 'principal': 7500}, 'amount': 10000,
            'arrangement_id': 4, 'created_at': '2026-11-22T14:03:00.000000Z', 'id': 31, 'method': 'card', 'received_on':
            '2026-11-22', 'recorded_by': 12, 'recovery': False, 'reference': 'TX-99812', 'reversal_reason': None,
            'reversed_at': None, 'reversed_by': None}

    Attributes:
        account_id (int):
        allocation (Parts): Amounts per part (minor units): a balance's parts, or what a movement took from each.
            Example: {'costs': 0, 'fees': 2500, 'interest': 7500, 'principal': 90000}.
        amount (int): Minor units, > 0.
        created_at (datetime.datetime):
        id (int):
        method (PaymentMethod): How the money came. Example: card.
        received_on (datetime.date):
        recovery (bool): Money received after the account was written off: recorded, reported apart, balance unchanged.
        arrangement_id (int | None | Unset): The arrangement the payment was allocated to, if any.
        recorded_by (int | None | Unset):
        reference (None | str | Unset): The payer's or processor's reference; unique per account.
        reversal_reason (None | str | Unset):
        reversed_at (datetime.datetime | None | Unset):
        reversed_by (int | None | Unset):
    """

    account_id: int
    allocation: Parts
    amount: int
    created_at: datetime.datetime
    id: int
    method: PaymentMethod
    received_on: datetime.date
    recovery: bool
    arrangement_id: int | None | Unset = UNSET
    recorded_by: int | None | Unset = UNSET
    reference: None | str | Unset = UNSET
    reversal_reason: None | str | Unset = UNSET
    reversed_at: datetime.datetime | None | Unset = UNSET
    reversed_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        allocation = self.allocation.to_dict()

        amount = self.amount

        created_at = self.created_at.isoformat()

        id = self.id

        method = self.method.value

        received_on = self.received_on.isoformat()

        recovery = self.recovery

        arrangement_id: int | None | Unset
        if isinstance(self.arrangement_id, Unset):
            arrangement_id = UNSET
        else:
            arrangement_id = self.arrangement_id

        recorded_by: int | None | Unset
        if isinstance(self.recorded_by, Unset):
            recorded_by = UNSET
        else:
            recorded_by = self.recorded_by

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        reversal_reason: None | str | Unset
        if isinstance(self.reversal_reason, Unset):
            reversal_reason = UNSET
        else:
            reversal_reason = self.reversal_reason

        reversed_at: None | str | Unset
        if isinstance(self.reversed_at, Unset):
            reversed_at = UNSET
        elif isinstance(self.reversed_at, datetime.datetime):
            reversed_at = self.reversed_at.isoformat()
        else:
            reversed_at = self.reversed_at

        reversed_by: int | None | Unset
        if isinstance(self.reversed_by, Unset):
            reversed_by = UNSET
        else:
            reversed_by = self.reversed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "allocation": allocation,
                "amount": amount,
                "created_at": created_at,
                "id": id,
                "method": method,
                "received_on": received_on,
                "recovery": recovery,
            }
        )
        if arrangement_id is not UNSET:
            field_dict["arrangement_id"] = arrangement_id
        if recorded_by is not UNSET:
            field_dict["recorded_by"] = recorded_by
        if reference is not UNSET:
            field_dict["reference"] = reference
        if reversal_reason is not UNSET:
            field_dict["reversal_reason"] = reversal_reason
        if reversed_at is not UNSET:
            field_dict["reversed_at"] = reversed_at
        if reversed_by is not UNSET:
            field_dict["reversed_by"] = reversed_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.parts import Parts  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("account_id")

        allocation = Parts.from_dict(d.pop("allocation"))

        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        method = PaymentMethod(d.pop("method"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        recovery = d.pop("recovery")

        def _parse_arrangement_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        arrangement_id = _parse_arrangement_id(d.pop("arrangement_id", UNSET))

        def _parse_recorded_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_reversal_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reversal_reason = _parse_reversal_reason(d.pop("reversal_reason", UNSET))

        def _parse_reversed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reversed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reversed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reversed_at = _parse_reversed_at(d.pop("reversed_at", UNSET))

        def _parse_reversed_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reversed_by = _parse_reversed_by(d.pop("reversed_by", UNSET))

        payment = cls(
            account_id=account_id,
            allocation=allocation,
            amount=amount,
            created_at=created_at,
            id=id,
            method=method,
            received_on=received_on,
            recovery=recovery,
            arrangement_id=arrangement_id,
            recorded_by=recorded_by,
            reference=reference,
            reversal_reason=reversal_reason,
            reversed_at=reversed_at,
            reversed_by=reversed_by,
        )

        payment.additional_properties = d
        return payment

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
