from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.resolution import Resolution
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolveExceptionRequest")


@_attrs_define
class ResolveExceptionRequest:
    """How to resolve an exception.

    Example:
        {'action': 'post_payment', 'note': 'card batch 1114 posted late'}

    Attributes:
        action (Resolution): How an exception was resolved. Example: post_payment.
        note (None | str | Unset): Required for `accept`.
    """

    action: Resolution
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = Resolution(d.pop("action"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        resolve_exception_request = cls(
            action=action,
            note=note,
        )

        return resolve_exception_request
