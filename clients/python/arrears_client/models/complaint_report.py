from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.complaint_report_row import ComplaintReportRow


T = TypeVar("T", bound="ComplaintReport")


@_attrs_define
class ComplaintReport:
    """The complaints report.

    Example:
        {'data': [{'closed': 3, 'group_id': 'wrong_amount', 'group_name': 'wrong_amount', 'justified': 1,
            'justified_rate': 0.3333, 'median_days_to_close': 6.5, 'open': 2, 'overdue': 1, 'per_1000_accounts_worked':
            25.0, 'received': 4}]}

    Attributes:
        data (list[ComplaintReportRow]):
    """

    data: list[ComplaintReportRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.complaint_report_row import ComplaintReportRow  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = ComplaintReportRow.from_dict(data_item_data)

            data.append(data_item)

        complaint_report = cls(
            data=data,
        )

        complaint_report.additional_properties = d
        return complaint_report

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
