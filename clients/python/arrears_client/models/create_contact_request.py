from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.direction import Direction
from ..models.outcome import Outcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.promise_request import PromiseRequest


T = TypeVar("T", bound="CreateContactRequest")


@_attrs_define
class CreateContactRequest:
    """A contact to log.

    Example:
        {'channel': 'phone', 'direction': 'outbound', 'duration_seconds': 240, 'notes': 'will pay Friday', 'outcome':
            'promise_to_pay', 'promise': {'amount': 25000, 'due_on': '2026-11-27'}}

    Attributes:
        channel (Channel): A contact's channel. Example: phone.
        direction (Direction): Who started the contact. Example: outbound.
        outcome (Outcome): What a contact led to. Example: right_party_contact.
        duration_seconds (int | None | Unset):
        follow_up_at (datetime.datetime | None | Unset): When to follow up: the account rises in the queue then.
        notes (None | str | Unset):
        occurred_at (datetime.datetime | None | Unset): When it happened (default now); may be in the past, not in the
            future.
        promise (None | PromiseRequest | Unset):
    """

    channel: Channel
    direction: Direction
    outcome: Outcome
    duration_seconds: int | None | Unset = UNSET
    follow_up_at: datetime.datetime | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET
    promise: None | PromiseRequest | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.promise_request import PromiseRequest  # noqa: PLC0415

        channel = self.channel.value

        direction = self.direction.value

        outcome = self.outcome.value

        duration_seconds: int | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        follow_up_at: None | str | Unset
        if isinstance(self.follow_up_at, Unset):
            follow_up_at = UNSET
        elif isinstance(self.follow_up_at, datetime.datetime):
            follow_up_at = self.follow_up_at.isoformat()
        else:
            follow_up_at = self.follow_up_at

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        promise: dict[str, Any] | None | Unset
        if isinstance(self.promise, Unset):
            promise = UNSET
        elif isinstance(self.promise, PromiseRequest):
            promise = self.promise.to_dict()
        else:
            promise = self.promise

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "direction": direction,
                "outcome": outcome,
            }
        )
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if follow_up_at is not UNSET:
            field_dict["follow_up_at"] = follow_up_at
        if notes is not UNSET:
            field_dict["notes"] = notes
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if promise is not UNSET:
            field_dict["promise"] = promise

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.promise_request import PromiseRequest  # noqa: PLC0415

        d = dict(src_dict)
        channel = Channel(d.pop("channel"))

        direction = Direction(d.pop("direction"))

        outcome = Outcome(d.pop("outcome"))

        def _parse_duration_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds", UNSET))

        def _parse_follow_up_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                follow_up_at_type_0 = datetime.datetime.fromisoformat(data)

                return follow_up_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        follow_up_at = _parse_follow_up_at(d.pop("follow_up_at", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        def _parse_promise(data: object) -> None | PromiseRequest | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                promise_type_0 = PromiseRequest.from_dict(data)

                return promise_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PromiseRequest | Unset, data)

        promise = _parse_promise(d.pop("promise", UNSET))

        create_contact_request = cls(
            channel=channel,
            direction=direction,
            outcome=outcome,
            duration_seconds=duration_seconds,
            follow_up_at=follow_up_at,
            notes=notes,
            occurred_at=occurred_at,
            promise=promise,
        )

        return create_contact_request
