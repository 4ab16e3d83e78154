from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_method import PaymentMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.summary import Summary


T = TypeVar("T", bound="Reconciliation")


@_attrs_define
class Reconciliation:
    """A remittance file checked against the recorded payments.

    Example:
        {'created_at': '2026-11-30T09:00:00Z', 'created_by': 3, 'from': '2026-11-01', 'id': 4, 'methods': ['card'],
            'source': 'Acme card processor, November', 'summary': {'amount_mismatch': 3, 'matched': 1187, 'rows': 1200,
            'unmatched_payment': 4, 'unmatched_row': 6}, 'to': '2026-11-30'}

    Attributes:
        created_at (datetime.datetime):
        from_ (datetime.date):
        id (int):
        methods (list[PaymentMethod]): The payment methods the file covers.
        source (str):
        summary (Summary): The management report. Example: {'agents': [{'agent_id': 12, 'attainment': 0.65, 'attempts':
            1, 'collected': 65000, 'complaints': 1, 'kept_rate': 1.0, 'name': 'Arto Agent', 'quality_average': None,
            'right_party_contacts': 1, 'rpc_rate': 1.0, 'target': 100000}], 'aging': [{'balance': 115000,
            'balance_at_start': 75000, 'balance_change': 40000, 'bucket': '31-60', 'count': 2, 'count_at_start': 1,
            'count_change': 1}], 'collected': {'amount': 65000, 'attainment': 0.5417, 'per_day': [{'amount': 0, 'date':
            '2026-10-01'}], 'previous_amount': 5000, 'target': 120000}, 'complaints': {'closed': 0, 'justified': 0,
            'justified_rate': None, 'median_days_to_close': None, 'open': 2, 'overdue': 1, 'received': 1}, 'contacts':
            {'attempts': 120, 'right_party_contacts': 30, 'rpc_rate': 0.25}, 'currency': 'USD', 'end': '2026-10-31',
            'expected_income': {'installments': 40000, 'kept_rate': 0.8, 'period': '2026-11', 'scheduled': 40000,
            'settlements': 0, 'weighted': 32000}, 'label': '2026-10', 'narrative': ['In 2026-10 the team collected 650.00
            USD, 54.2 % of the target of 1,200.00 USD.'], 'period': 'month', 'promises': {'broken': 1, 'due': 3, 'kept': 2,
            'kept_rate': 0.6667, 'made': 4}, 'roll_rates': [{'accounts': 3, 'bucket': '1-30', 'roll_rate': 0.6667, 'rolled':
            2}], 'satisfaction': {'average_score': 5.0, 'csat': 1.0, 'responses': 1}, 'start': '2026-10-01', 'team_id': 1}.
        to (datetime.date):
        created_by (int | None | Unset): `null`: the command line.
    """

    created_at: datetime.datetime
    from_: datetime.date
    id: int
    methods: list[PaymentMethod]
    source: str
    summary: Summary
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
        from ..models.summary import Summary  # noqa: PLC0415

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

        summary = Summary.from_dict(d.pop("summary"))

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
