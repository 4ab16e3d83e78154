from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_data import EventData


T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """An integration event, as the feed, the stream and webhooks send it.

    Example:
        {'account_id': 101, 'actor_id': 7, 'data': {'account_id': 101, 'amount': 12500, 'id': 5521, 'method': 'card'},
            'id': 1042, 'occurred_at': '2026-11-30T14:03:11.000000Z', 'type': 'payment.recorded'}

    Attributes:
        data (EventData): The resource after the change.
        id (int): The event's position: the cursor to pass as `after` (and the stream's `id:`).
        occurred_at (str): When the change happened (RFC 3339, UTC, microseconds).
        type_ (str): The event type. Ignore types you do not know: new ones are added without a new version. Example:
            payment.recorded.
        account_id (int | None | Unset):
        actor_id (int | None | Unset): Who made the change (null: the system).
    """

    data: EventData
    id: int
    occurred_at: str
    type_: str
    account_id: int | None | Unset = UNSET
    actor_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        id = self.id

        occurred_at = self.occurred_at

        type_ = self.type_

        account_id: int | None | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        actor_id: int | None | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "id": id,
                "occurred_at": occurred_at,
                "type": type_,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_data import EventData  # noqa: PLC0415

        d = dict(src_dict)
        data = EventData.from_dict(d.pop("data"))

        id = d.pop("id")

        occurred_at = d.pop("occurred_at")

        type_ = d.pop("type")

        def _parse_account_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_actor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        event = cls(
            data=data,
            id=id,
            occurred_at=occurred_at,
            type_=type_,
            account_id=account_id,
            actor_id=actor_id,
        )

        event.additional_properties = d
        return event

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
