from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_method import PaymentMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePaymentRequest")


@_attrs_define
class CreatePaymentRequest:
    """A payment received.

    Example:
        {'amount': 10000, 'method': 'card', 'received_on': '2026-11-22', 'reference': 'TX-99812'}

    Attributes:
        amount (int): Minor units, > 0 and at most the balance (for a written-off account: at most what was
            written off and not yet recovered).
        method (PaymentMethod): How the money came. Example: card.
        received_on (datetime.date | None | Unset): Default today; not in the future.
        reference (None | str | Unset): Unique per account (409 `duplicate-reference`).
    """

    amount: int
    method: PaymentMethod
    received_on: datetime.date | None | Unset = UNSET
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        method = self.method.value

        received_on: None | str | Unset
        if isinstance(self.received_on, Unset):
            received_on = UNSET
        elif isinstance(self.received_on, datetime.date):
            received_on = self.received_on.isoformat()
        else:
            received_on = self.received_on

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "method": method,
            }
        )
        if received_on is not UNSET:
            field_dict["received_on"] = received_on
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        method = PaymentMethod(d.pop("method"))

        def _parse_received_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_on_type_0 = datetime.date.fromisoformat(data)

                return received_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        received_on = _parse_received_on(d.pop("received_on", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        create_payment_request = cls(
            amount=amount,
            method=method,
            received_on=received_on,
            reference=reference,
        )

        return create_payment_request
