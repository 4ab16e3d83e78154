from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.comparison import Comparison
    from ..models.strategy_report_row import StrategyReportRow


T = TypeVar("T", bound="StrategyReport")


@_attrs_define
class StrategyReport:
    """The champion/challenger report.

    Example:
        {'comparisons': [{'challenger_accounts': 120, 'challenger_segment': 'overall', 'champion_accounts': 480,
            'champion_segment': 'overall', 'ci_high': 0.0378, 'ci_low': 0.0042, 'difference': 0.021, 'significant': True}],
            'data': [{'accounts': 480, 'arm': 'champion', 'balance_at_entry': 73000000, 'collected_amount': 7300000,
            'cure_rate': 0.18, 'currency': 'USD', 'liquidation_rate': 0.1, 'promise_kept_rate': 0.66, 'rpc_rate': 0.41,
            'segment': 'early'}], 'from': '2026-11-01', 'strategy_id': 3, 'to': '2026-11-30'}

    Attributes:
        comparisons (list[Comparison]):
        data (list[StrategyReportRow]):
        from_ (datetime.date):
        strategy_id (int):
        to (datetime.date):
    """

    comparisons: list[Comparison]
    data: list[StrategyReportRow]
    from_: datetime.date
    strategy_id: int
    to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comparisons = []
        for comparisons_item_data in self.comparisons:
            comparisons_item = comparisons_item_data.to_dict()
            comparisons.append(comparisons_item)

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        from_ = self.from_.isoformat()

        strategy_id = self.strategy_id

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "comparisons": comparisons,
                "data": data,
                "from": from_,
                "strategy_id": strategy_id,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comparison import Comparison  # noqa: PLC0415
        from ..models.strategy_report_row import StrategyReportRow  # noqa: PLC0415

        d = dict(src_dict)
        comparisons = []
        _comparisons = d.pop("comparisons")
        for comparisons_item_data in _comparisons:
            comparisons_item = Comparison.from_dict(comparisons_item_data)

            comparisons.append(comparisons_item)

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = StrategyReportRow.from_dict(data_item_data)

            data.append(data_item)

        from_ = datetime.date.fromisoformat(d.pop("from"))

        strategy_id = d.pop("strategy_id")

        to = datetime.date.fromisoformat(d.pop("to"))

        strategy_report = cls(
            comparisons=comparisons,
            data=data,
            from_=from_,
            strategy_id=strategy_id,
            to=to,
        )

        strategy_report.additional_properties = d
        return strategy_report

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
