from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_method import PaymentMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reconciliation_summary import ReconciliationSummary


T = TypeVar("T", bound="Reconciliation")


@_attrs_define
class Reconciliation:
    """A remittance file checked against the recorded payments.

    Example:
        {'created_at': '2026-11-30T09:00:00.000000Z', 'created_by': 3, 'from': '2026-11-01', 'id': 4, 'methods':
            ['card'], 'source': 'Acme card processor, November', 'summary': {'amount_mismatch': 3, 'matched': 1187, 'rows':
            1200, 'unmatched_payment': 4, 'unmatched_row': 6}, 'to': '2026-11-30'}

    Attributes:
        created_at (datetime.datetime):
        from_ (datetime.date):
        id (int):
        methods (list[PaymentMethod]): The payment methods the file covers.
        source (str):
        summary (ReconciliationSummary): Counts of a reconciliation. Example: {'amount_mismatch': 3, 'matched': 1187,
            'rows': 1200, 'unmatched_payment': 4, 'unmatched_row': 6}.
        to (datetime.date):
        created_by (int | None | Unset): `null`: the command line.
    """

    created_at: datetime.datetime
    from_: datetime.date
    id: int
    methods: list[PaymentMethod]
    source: str
    summary: ReconciliationSummary
    to: datetime.date
    created_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        from_ = self.from_.isoformat()

        id = self.id

        methods = []
        for methods_item_data in self.methods:
            methods_item = methods_item_data.value
            methods.append(methods_item)

        source = self.source

        summary = self.summary.to_dict()

        to = self.to.isoformat()

        created_by: int | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "from": from_,
                "id": id,
                "methods": methods,
                "source": source,
                "summary": summary,
                "to": to,
            }
        )
        if created_by is not UNSET:
            field_dict["created_by"] = created_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reconciliation_summary import ReconciliationSummary  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        from_ = datetime.date.fromisoformat(d.pop("from"))

        id = d.pop("id")

        methods = []
        _methods = d.pop("methods")
        for methods_item_data in _methods:
            methods_item = PaymentMethod(methods_item_data)

            methods.append(methods_item)

        source = d.pop("source")

        summary = ReconciliationSummary.from_dict(d.pop("summary"))

        to = datetime.date.fromisoformat(d.pop("to"))

        def _parse_created_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        reconciliation = cls(
            created_at=created_at,
            from_=from_,
            id=id,
            methods=methods,
            source=source,
            summary=summary,
            to=to,
            created_by=created_by,
        )

        reconciliation.additional_properties = d
        return reconciliation

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
