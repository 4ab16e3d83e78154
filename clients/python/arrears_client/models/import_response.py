from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_result import ImportResult


T = TypeVar("T", bound="ImportResponse")


@_attrs_define
class ImportResponse:
    """One result per row, in order.

    Example:
        {'results': [{'id': 101, 'index': 0, 'status': 'created'}, {'index': 1, 'problem': {'detail': 'debtor.timezone:
            "Mars/Base" is not an IANA time zone such as America/Chicago', 'errors': [{'field': 'debtor.timezone',
            'message': '"Mars/Base" is not an IANA time zone such as America/Chicago'}], 'status': 422, 'title':
            'Unprocessable Entity', 'type': 'https://arrears.dev/problems/validation-failed'}, 'status': 'error'}]}

    Attributes:
        results (list[ImportResult]):
    """

    results: list[ImportResult]
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
        from ..models.import_result import ImportResult  # noqa: PLC0415

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ImportResult.from_dict(results_item_data)

            results.append(results_item)

        import_response = cls(
            results=results,
        )

        import_response.additional_properties = d
        return import_response

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
