from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reconciliation import Reconciliation


T = TypeVar("T", bound="PageReconciliation")


@_attrs_define
class PageReconciliation:
    """One page of a list.

    Example:
        {'data': [{'created_at': '2026-11-30T09:00:00.000000Z', 'created_by': 3, 'from': '2026-11-01', 'id': 4,
            'methods': ['card'], 'source': 'Acme card processor, November', 'summary': {'amount_mismatch': 3, 'matched':
            1187, 'rows': 1200, 'unmatched_payment': 4, 'unmatched_row': 6}, 'to': '2026-11-30'}], 'next_cursor': 'aWQ6NDI'}

    Attributes:
        data (list[Reconciliation]): The items of this page.
        next_cursor (None | str | Unset): Pass as `cursor` to get the next page; `null` on the last page. Example:
            aWQ6NDI.
    """

    data: list[Reconciliation]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reconciliation import Reconciliation  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Reconciliation.from_dict(data_item_data)

            data.append(data_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        page_reconciliation = cls(
            data=data,
            next_cursor=next_cursor,
        )

        page_reconciliation.additional_properties = d
        return page_reconciliation

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
