from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintReportRow")


@_attrs_define
class ComplaintReportRow:
    """Complaints of one group over the period `[from, to]` (UTC days).

    Example:
        {'closed': 3, 'group_id': 12, 'group_name': 'Arto Agent', 'justified': 1, 'justified_rate': 0.3333,
            'median_days_to_close': 6.5, 'open': 2, 'overdue': 1, 'per_1000_accounts_worked': 25.0, 'received': 4}

    Attributes:
        closed (int): Closed in the period.
        group_name (str):
        justified (int): Closed in the period and found justified.
        open_ (int): Open or in progress at the period's end (received before it, not closed by then).
        overdue (int): Of those, past `due_at` at the period's end (or now, for a period not over).
        received (int): Received in the period.
        group_id (int | None | str | Unset):
        justified_rate (float | None | Unset): `justified ÷ closed` (4 decimals; null when none closed).
        median_days_to_close (float | None | Unset): Median of `closed_at − received_at` over those closed in the
            period, in days (1 decimal).
        per_1000_accounts_worked (float | None | Unset): `received × 1000 ÷ accounts worked` by the group in the period
            (by everyone in scope, for
            category and root cause); null when no account was worked.
    """

    closed: int
    group_name: str
    justified: int
    open_: int
    overdue: int
    received: int
    group_id: int | None | str | Unset = UNSET
    justified_rate: float | None | Unset = UNSET
    median_days_to_close: float | None | Unset = UNSET
    per_1000_accounts_worked: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed = self.closed

        group_name = self.group_name

        justified = self.justified

        open_ = self.open_

        overdue = self.overdue

        received = self.received

        group_id: int | None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        else:
            group_id = self.group_id

        justified_rate: float | None | Unset
        if isinstance(self.justified_rate, Unset):
            justified_rate = UNSET
        else:
            justified_rate = self.justified_rate

        median_days_to_close: float | None | Unset
        if isinstance(self.median_days_to_close, Unset):
            median_days_to_close = UNSET
        else:
            median_days_to_close = self.median_days_to_close

        per_1000_accounts_worked: float | None | Unset
        if isinstance(self.per_1000_accounts_worked, Unset):
            per_1000_accounts_worked = UNSET
        else:
            per_1000_accounts_worked = self.per_1000_accounts_worked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed": closed,
                "group_name": group_name,
                "justified": justified,
                "open": open_,
                "overdue": overdue,
                "received": received,
            }
        )
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if justified_rate is not UNSET:
            field_dict["justified_rate"] = justified_rate
        if median_days_to_close is not UNSET:
            field_dict["median_days_to_close"] = median_days_to_close
        if per_1000_accounts_worked is not UNSET:
            field_dict["per_1000_accounts_worked"] = per_1000_accounts_worked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed = d.pop("closed")

        group_name = d.pop("group_name")

        justified = d.pop("justified")

        open_ = d.pop("open")

        overdue = d.pop("overdue")

        received = d.pop("received")

        def _parse_group_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        def _parse_justified_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        justified_rate = _parse_justified_rate(d.pop("justified_rate", UNSET))

        def _parse_median_days_to_close(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        median_days_to_close = _parse_median_days_to_close(d.pop("median_days_to_close", UNSET))

        def _parse_per_1000_accounts_worked(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        per_1000_accounts_worked = _parse_per_1000_accounts_worked(d.pop("per_1000_accounts_worked", UNSET))

        complaint_report_row = cls(
            closed=closed,
            group_name=group_name,
            justified=justified,
            open_=open_,
            overdue=overdue,
            received=received,
            group_id=group_id,
            justified_rate=justified_rate,
            median_days_to_close=median_days_to_close,
            per_1000_accounts_worked=per_1000_accounts_worked,
        )

        complaint_report_row.additional_properties = d
        return complaint_report_row

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
