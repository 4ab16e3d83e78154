from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RemittanceRowBody")


@_attrs_define
class RemittanceRowBody:
    """One row of a remittance file.

    Example:
        {'amount': 12500, 'external_ref': 'ACC-1001', 'line': 2, 'received_on': '2026-11-14', 'reference': 'TX-99812'}

    Attributes:
        amount (int): Minor units, > 0.
        external_ref (str): The account's reference.
        line (int): The row's line in the file (CSV: the `line` column, else its line number).
        received_on (datetime.date):
        reference (None | str | Unset): The processor's reference: matched to the payment's `reference` first.
    """

    amount: int
    external_ref: str
    line: int
    received_on: datetime.date
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        external_ref = self.external_ref

        line = self.line

        received_on = self.received_on.isoformat()

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "external_ref": external_ref,
                "line": line,
                "received_on": received_on,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        external_ref = d.pop("external_ref")

        line = d.pop("line")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        remittance_row_body = cls(
            amount=amount,
            external_ref=external_ref,
            line=line,
            received_on=received_on,
            reference=reference,
        )

        return remittance_row_body
