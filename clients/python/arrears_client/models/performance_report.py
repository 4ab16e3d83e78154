from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.performance_row import PerformanceRow


T = TypeVar("T", bound="PerformanceReport")


@_attrs_define
class PerformanceReport:
    """The performance report.

    Example:
        {'data': [{'accounts_worked': 40, 'attainment': 0.25, 'collected_amount': 1250000, 'contact_attempts': 120,
            'group_id': 12, 'group_name': 'Arto Agent', 'promise_kept_rate': 0.625, 'promised_amount': 960000, 'promises':
            8, 'promises_kept': 5, 'right_party_contacts': 30, 'rpc_rate': 0.25, 'target_amount': 5000000}]}

    Attributes:
        data (list[PerformanceRow]):
    """

    data: list[PerformanceRow]
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
        from ..models.performance_row import PerformanceRow  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = PerformanceRow.from_dict(data_item_data)

            data.append(data_item)

        performance_report = cls(
            data=data,
        )

        performance_report.additional_properties = d
        return performance_report

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
