from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_method import PaymentMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.remittance_row_body import RemittanceRowBody


T = TypeVar("T", bound="ReconciliationRequest")


@_attrs_define
class ReconciliationRequest:
    """A remittance file to reconcile.

    Example:
        {'from': '2026-11-01', 'methods': ['card'], 'rows': [{'amount': 12500, 'external_ref': 'ACC-1001', 'line': 2,
            'received_on': '2026-11-14', 'reference': 'TX-99812'}], 'source': 'Acme card processor, November', 'to':
            '2026-11-30'}

    Attributes:
        from_ (datetime.date): The first day the file covers.
        rows (list[RemittanceRowBody]):
        source (str): Who sent the file (free text).
        to (datetime.date): The last day the file covers.
        methods (list[PaymentMethod] | None | Unset): The payment methods the file covers (default: all).
    """

    from_: datetime.date
    rows: list[RemittanceRowBody]
    source: str
    to: datetime.date
    methods: list[PaymentMethod] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        source = self.source

        to = self.to.isoformat()

        methods: list[str] | None | Unset
        if isinstance(self.methods, Unset):
            methods = UNSET
        elif isinstance(self.methods, list):
            methods = []
            for methods_type_0_item_data in self.methods:
                methods_type_0_item = methods_type_0_item_data.value
                methods.append(methods_type_0_item)

        else:
            methods = self.methods

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from": from_,
                "rows": rows,
                "source": source,
                "to": to,
            }
        )
        if methods is not UNSET:
            field_dict["methods"] = methods

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.remittance_row_body import RemittanceRowBody  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = RemittanceRowBody.from_dict(rows_item_data)

            rows.append(rows_item)

        source = d.pop("source")

        to = datetime.date.fromisoformat(d.pop("to"))

        def _parse_methods(data: object) -> list[PaymentMethod] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                methods_type_0 = []
                _methods_type_0 = data
                for methods_type_0_item_data in _methods_type_0:
                    methods_type_0_item = PaymentMethod(methods_type_0_item_data)

                    methods_type_0.append(methods_type_0_item)

                return methods_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PaymentMethod] | None | Unset, data)

        methods = _parse_methods(d.pop("methods", UNSET))

        reconciliation_request = cls(
            from_=from_,
            rows=rows,
            source=source,
            to=to,
            methods=methods,
        )

        return reconciliation_request
