from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.direction import Direction
from ..models.outcome import Outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """A logged contact.

    Example:
        {'account_id': 101, 'agent_id': 12, 'arrangement_id': 4, 'channel': 'phone', 'consented': False,
            'counts_as_attempt': True, 'created_at': '2026-11-22T15:05:00.000000Z', 'direction': 'outbound', 'dispute_id':
            None, 'duration_seconds': 240, 'follow_up_at': None, 'id': 77, 'is_conversation': True, 'notes': 'will pay
            Friday', 'occurred_at': '2026-11-22T15:04:00.000000Z', 'outcome': 'promise_to_pay'}

    Attributes:
        account_id (int):
        channel (Channel): A contact's channel. Example: phone.
        consented (bool): Made on the debtor's consent: a call-back they asked for, in its hour (allowed despite
            the attempt cap, the lock-out and the calling hours).
        counts_as_attempt (bool): Counted toward the attempt cap: an outbound phone call that connected (not `busy` or
            `disconnected`) and was not made on the debtor's consent.
        created_at (datetime.datetime):
        direction (Direction): Who started the contact. Example: outbound.
        id (int):
        is_conversation (bool): A conversation with the debtor (starts the lock-out when by phone).
        occurred_at (datetime.datetime):
        outcome (Outcome): What a contact led to. Example: right_party_contact.
        agent_id (int | None | Unset): Who logged it.
        arrangement_id (int | None | Unset): The promise-to-pay arrangement it created.
        dispute_id (int | None | Unset): The dispute it opened.
        duration_seconds (int | None | Unset):
        follow_up_at (datetime.datetime | None | Unset):
        notes (None | str | Unset):
    """

    account_id: int
    channel: Channel
    consented: bool
    counts_as_attempt: bool
    created_at: datetime.datetime
    direction: Direction
    id: int
    is_conversation: bool
    occurred_at: datetime.datetime
    outcome: Outcome
    agent_id: int | None | Unset = UNSET
    arrangement_id: int | None | Unset = UNSET
    dispute_id: int | None | Unset = UNSET
    duration_seconds: int | None | Unset = UNSET
    follow_up_at: datetime.datetime | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        channel = self.channel.value

        consented = self.consented

        counts_as_attempt = self.counts_as_attempt

        created_at = self.created_at.isoformat()

        direction = self.direction.value

        id = self.id

        is_conversation = self.is_conversation

        occurred_at = self.occurred_at.isoformat()

        outcome = self.outcome.value

        agent_id: int | None | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        arrangement_id: int | None | Unset
        if isinstance(self.arrangement_id, Unset):
            arrangement_id = UNSET
        else:
            arrangement_id = self.arrangement_id

        dispute_id: int | None | Unset
        if isinstance(self.dispute_id, Unset):
            dispute_id = UNSET
        else:
            dispute_id = self.dispute_id

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "channel": channel,
                "consented": consented,
                "counts_as_attempt": counts_as_attempt,
                "created_at": created_at,
                "direction": direction,
                "id": id,
                "is_conversation": is_conversation,
                "occurred_at": occurred_at,
                "outcome": outcome,
            }
        )
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if arrangement_id is not UNSET:
            field_dict["arrangement_id"] = arrangement_id
        if dispute_id is not UNSET:
            field_dict["dispute_id"] = dispute_id
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if follow_up_at is not UNSET:
            field_dict["follow_up_at"] = follow_up_at
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        channel = Channel(d.pop("channel"))

        consented = d.pop("consented")

        counts_as_attempt = d.pop("counts_as_attempt")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        direction = Direction(d.pop("direction"))

        id = d.pop("id")

        is_conversation = d.pop("is_conversation")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        outcome = Outcome(d.pop("outcome"))

        def _parse_agent_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        def _parse_arrangement_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        arrangement_id = _parse_arrangement_id(d.pop("arrangement_id", UNSET))

        def _parse_dispute_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dispute_id = _parse_dispute_id(d.pop("dispute_id", UNSET))

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

        contact = cls(
            account_id=account_id,
            channel=channel,
            consented=consented,
            counts_as_attempt=counts_as_attempt,
            created_at=created_at,
            direction=direction,
            id=id,
            is_conversation=is_conversation,
            occurred_at=occurred_at,
            outcome=outcome,
            agent_id=agent_id,
            arrangement_id=arrangement_id,
            dispute_id=dispute_id,
            duration_seconds=duration_seconds,
            follow_up_at=follow_up_at,
            notes=notes,
        )

        contact.additional_properties = d
        return contact

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
