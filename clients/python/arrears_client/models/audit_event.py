from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """One recorded state change.

    Example:
        {'action': 'user.updated', 'actor_id': 1, 'after': {'active': False}, 'before': {'active': True}, 'entity_id':
            12, 'entity_type': 'user', 'hash': '5d41402abc4b2a76b9719d911017c592a1b2c3d4e5f60718293a4b5c6d7e8f90', 'id': 41,
            'occurred_at': '2026-11-22T14:03:00.123456Z', 'prev_hash':
            '9b74c9897bac770ffc029102a200c5de0ddf3a9d1e2f3a4b5c6d7e8f90a1b2c3', 'request_id':
            '6f1c2f0e-8a53-4c5e-9a55-3f3c1d7b2a10', 'seq': 2}

    Attributes:
        action (str): `<entity>.<verb>`, e.g. `user.created`.
        entity_id (int):
        entity_type (str): What kind of entity changed (`user`, `team`, `account` …).
        hash_ (str): SHA-256 over `prev_hash` and this event's fields.
        id (int):
        occurred_at (datetime.datetime):
        prev_hash (str): Hash of the previous event of the same entity (zeros for the first).
        seq (int): Position in the entity's own chain, from 1.
        actor_id (int | None | Unset): Who did it; `null` for the system (bootstrap, sweeps).
        after (Any | Unset): The entity after the change.
        before (Any | Unset): The entity before the change (`null` on creation).
        request_id (None | str | Unset): The `X-Request-Id` of the request that made the change.
    """

    action: str
    entity_id: int
    entity_type: str
    hash_: str
    id: int
    occurred_at: datetime.datetime
    prev_hash: str
    seq: int
    actor_id: int | None | Unset = UNSET
    after: Any | Unset = UNSET
    before: Any | Unset = UNSET
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        entity_id = self.entity_id

        entity_type = self.entity_type

        hash_ = self.hash_

        id = self.id

        occurred_at = self.occurred_at.isoformat()

        prev_hash = self.prev_hash

        seq = self.seq

        actor_id: int | None | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        after = self.after

        before = self.before

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "entity_id": entity_id,
                "entity_type": entity_type,
                "hash": hash_,
                "id": id,
                "occurred_at": occurred_at,
                "prev_hash": prev_hash,
                "seq": seq,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if after is not UNSET:
            field_dict["after"] = after
        if before is not UNSET:
            field_dict["before"] = before
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        entity_id = d.pop("entity_id")

        entity_type = d.pop("entity_type")

        hash_ = d.pop("hash")

        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        prev_hash = d.pop("prev_hash")

        seq = d.pop("seq")

        def _parse_actor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        after = d.pop("after", UNSET)

        before = d.pop("before", UNSET)

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        audit_event = cls(
            action=action,
            entity_id=entity_id,
            entity_type=entity_type,
            hash_=hash_,
            id=id,
            occurred_at=occurred_at,
            prev_hash=prev_hash,
            seq=seq,
            actor_id=actor_id,
            after=after,
            before=before,
            request_id=request_id,
        )

        audit_event.additional_properties = d
        return audit_event

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
