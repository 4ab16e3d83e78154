from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReconciliationSummary")


@_attrs_define
class ReconciliationSummary:
    """Counts of a reconciliation.

    Example:
        {'amount_mismatch': 3, 'matched': 1187, 'rows': 1200, 'unmatched_payment': 4, 'unmatched_row': 6}

    Attributes:
        amount_mismatch (int):
        matched (int): Rows matched to a recorded payment with the same amount.
        rows (int): Rows in the file.
        unmatched_payment (int):
        unmatched_row (int):
    """

    amount_mismatch: int
    matched: int
    rows: int
    unmatched_payment: int
    unmatched_row: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_mismatch = self.amount_mismatch

        matched = self.matched

        rows = self.rows

        unmatched_payment = self.unmatched_payment

        unmatched_row = self.unmatched_row

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_mismatch": amount_mismatch,
                "matched": matched,
                "rows": rows,
                "unmatched_payment": unmatched_payment,
                "unmatched_row": unmatched_row,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_mismatch = d.pop("amount_mismatch")

        matched = d.pop("matched")

        rows = d.pop("rows")

        unmatched_payment = d.pop("unmatched_payment")

        unmatched_row = d.pop("unmatched_row")

        reconciliation_summary = cls(
            amount_mismatch=amount_mismatch,
            matched=matched,
            rows=rows,
            unmatched_payment=unmatched_payment,
            unmatched_row=unmatched_row,
        )

        reconciliation_summary.additional_properties = d
        return reconciliation_summary

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
