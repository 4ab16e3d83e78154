from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintSummary")


@_attrs_define
class ComplaintSummary:
    """Complaints of the period (definitions as in `GET /v1/reports/complaints`).

    Example:
        {'closed': 0, 'justified': 0, 'justified_rate': None, 'median_days_to_close': None, 'open': 2, 'overdue': 1,
            'received': 1}

    Attributes:
        closed (int):
        justified (int):
        open_ (int):
        overdue (int):
        received (int):
        justified_rate (float | None | Unset):
        median_days_to_close (float | None | Unset):
    """

    closed: int
    justified: int
    open_: int
    overdue: int
    received: int
    justified_rate: float | None | Unset = UNSET
    median_days_to_close: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed = self.closed

        justified = self.justified

        open_ = self.open_

        overdue = self.overdue

        received = self.received

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed": closed,
                "justified": justified,
                "open": open_,
                "overdue": overdue,
                "received": received,
            }
        )
        if justified_rate is not UNSET:
            field_dict["justified_rate"] = justified_rate
        if median_days_to_close is not UNSET:
            field_dict["median_days_to_close"] = median_days_to_close

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed = d.pop("closed")

        justified = d.pop("justified")

        open_ = d.pop("open")

        overdue = d.pop("overdue")

        received = d.pop("received")

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

        complaint_summary = cls(
            closed=closed,
            justified=justified,
            open_=open_,
            overdue=overdue,
            received=received,
            justified_rate=justified_rate,
            median_days_to_close=median_days_to_close,
        )

        complaint_summary.additional_properties = d
        return complaint_summary

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
