from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_event import AuditEvent


T = TypeVar("T", bound="PageAuditEvent")


@_attrs_define
class PageAuditEvent:
    """One page of a list.

    Example:
        {'data': [{'action': 'user.updated', 'actor_id': 1, 'after': {'active': False}, 'before': {'active': True},
            'entity_id': 12, 'entity_type': 'user', 'hash':
            '5d41402abc4b2a76b9719d911017c592a1b2c3d4e5f60718293a4b5c6d7e8f90', 'id': 41, 'occurred_at':
            '2026-11-22T14:03:00.123456Z', 'prev_hash': '9b74c9897bac770ffc029102a200c5de0ddf3a9d1e2f3a4b5c6d7e8f90a1b2c3',
            'request_id': '6f1c2f0e-8a53-4c5e-9a55-3f3c1d7b2a10', 'seq': 2}], 'next_cursor': 'aWQ6NDI'}

    Attributes:
        data (list[AuditEvent]): The items of this page.
        next_cursor (None | str | Unset): Pass as `cursor` to get the next page; `null` on the last page. Example:
            aWQ6NDI.
    """

    data: list[AuditEvent]
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
        from ..models.audit_event import AuditEvent  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = AuditEvent.from_dict(data_item_data)

            data.append(data_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        page_audit_event = cls(
            data=data,
            next_cursor=next_cursor,
        )

        page_audit_event.additional_properties = d
        return page_audit_event

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
