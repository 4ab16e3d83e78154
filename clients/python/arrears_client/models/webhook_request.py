from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookRequest")


@_attrs_define
class WebhookRequest:
    """A webhook to create.

    Example:
        {'description': 'ledger sync', 'event_types': ['payment.recorded', 'arrangement.broken'], 'url':
            'https://hooks.example.com/arrears'}

    Attributes:
        event_types (list[str]): Event types to send, or `["*"]` for all.
        url (str): `https` (plain `http` only when the server sets `ARREARS_WEBHOOK_ALLOW_HTTP=true`); a host
            resolving to a loopback, private or link-local address is refused unless
            `ARREARS_WEBHOOK_ALLOW_PRIVATE=true`.
        description (None | str | Unset):
    """

    event_types: list[str]
    url: str
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        event_types = self.event_types

        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_types": event_types,
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_types = cast(list[str], d.pop("event_types"))

        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        webhook_request = cls(
            event_types=event_types,
            url=url,
            description=description,
        )

        return webhook_request
