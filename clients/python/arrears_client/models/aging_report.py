from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aging_row import AgingRow


T = TypeVar("T", bound="AgingReport")


@_attrs_define
class AgingReport:
    """The aging report.

    Example:
        {'as_of': '2026-11-22T16:00:00.000000Z', 'buckets': [{'balance': 120000, 'bucket': 'current', 'costs': 0,
            'count': 3, 'currency': 'USD', 'fees': 4000, 'interest': 6000, 'principal': 110000}]}

    Attributes:
        as_of (datetime.datetime):
        buckets (list[AgingRow]): Per currency present (in code order), all seven buckets in order, zeros included:
            money of different currencies is never summed together.
    """

    as_of: datetime.datetime
    buckets: list[AgingRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        buckets = []
        for buckets_item_data in self.buckets:
            buckets_item = buckets_item_data.to_dict()
            buckets.append(buckets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "buckets": buckets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aging_row import AgingRow  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        buckets = []
        _buckets = d.pop("buckets")
        for buckets_item_data in _buckets:
            buckets_item = AgingRow.from_dict(buckets_item_data)

            buckets.append(buckets_item)

        aging_report = cls(
            as_of=as_of,
            buckets=buckets,
        )

        aging_report.additional_properties = d
        return aging_report

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
