from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StreamToken")


@_attrs_define
class StreamToken:
    """A single-use token for the stream.

    Example:
        {'expires_at': '2026-11-30T14:04:11.000000Z', 'stream_token': 'st_6f1c0b5e2a9d4c7f8e3b1a0d9c8b7a6f'}

    Attributes:
        expires_at (datetime.datetime):
        stream_token (str): Pass as `stream_token` to `GET /v1/events/stream`; once, within 60 s.
    """

    expires_at: datetime.datetime
    stream_token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        stream_token = self.stream_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expires_at": expires_at,
                "stream_token": stream_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        stream_token = d.pop("stream_token")

        stream_token = cls(
            expires_at=expires_at,
            stream_token=stream_token,
        )

        stream_token.additional_properties = d
        return stream_token

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
