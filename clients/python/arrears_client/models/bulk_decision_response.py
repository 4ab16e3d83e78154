from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.bulk_decision_result import BulkDecisionResult


T = TypeVar("T", bound="BulkDecisionResponse")


@_attrs_define
class BulkDecisionResponse:
    """Results in the order of the decisions.

    Example:
        {'results': [{'id': 8, 'status': 200}, {'id': 9, 'problem': {'detail': 'you made this request; someone else must
            decide it', 'status': 403, 'title': 'Forbidden', 'type': 'https://arrears.dev/problems/four-eyes'}, 'status':
            403}]}

    Attributes:
        results (list[BulkDecisionResult]):
    """

    results: list[BulkDecisionResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_decision_result import BulkDecisionResult  # noqa: PLC0415

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = BulkDecisionResult.from_dict(results_item_data)

            results.append(results_item)

        bulk_decision_response = cls(
            results=results,
        )

        bulk_decision_response.additional_properties = d
        return bulk_decision_response

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
