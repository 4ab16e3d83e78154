from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.strategy_status import StrategyStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.challenger import Challenger
    from ..models.segment import Segment


T = TypeVar("T", bound="Strategy")


@_attrs_define
class Strategy:
    """A collection strategy.

    Example:
        {'activated_at': '2026-11-21T09:00:00.000000Z', 'challenger': {'segments': [{'criteria': {'max_days_past_due':
            30}, 'name': 'early', 'treatment': [{'action': 'sms', 'day': 0, 'discount_percent': None, 'template':
            'reminder-1'}]}], 'share_percent': 20}, 'created_at': '2026-11-20T09:00:00.000000Z', 'created_by': 3, 'id': 3,
            'name': 'Q4 early stage', 'promoted_from': None, 'retired_at': None, 'segments': [{'criteria':
            {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'call', 'day': 0, 'discount_percent': None,
            'template': None}]}], 'status': 'active', 'updated_at': '2026-11-21T09:00:00.000000Z'}

    Attributes:
        created_at (datetime.datetime):
        id (int):
        name (str):
        segments (list[Segment]): Tried in order: the first whose criteria all hold takes the account.
        status (StrategyStatus): `draft` (editable) → `active` (the one in force) → `retired`. Example: active.
        updated_at (datetime.datetime):
        activated_at (datetime.datetime | None | Unset):
        challenger (Challenger | None | Unset):
        created_by (int | None | Unset):
        promoted_from (int | None | Unset): The strategy whose challenger this one promoted.
        retired_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    id: int
    name: str
    segments: list[Segment]
    status: StrategyStatus
    updated_at: datetime.datetime
    activated_at: datetime.datetime | None | Unset = UNSET
    challenger: Challenger | None | Unset = UNSET
    created_by: int | None | Unset = UNSET
    promoted_from: int | None | Unset = UNSET
    retired_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.challenger import Challenger  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        segments = []
        for segments_item_data in self.segments:
            segments_item = segments_item_data.to_dict()
            segments.append(segments_item)

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        activated_at: None | str | Unset
        if isinstance(self.activated_at, Unset):
            activated_at = UNSET
        elif isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        challenger: dict[str, Any] | None | Unset
        if isinstance(self.challenger, Unset):
            challenger = UNSET
        elif isinstance(self.challenger, Challenger):
            challenger = self.challenger.to_dict()
        else:
            challenger = self.challenger

        created_by: int | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        promoted_from: int | None | Unset
        if isinstance(self.promoted_from, Unset):
            promoted_from = UNSET
        else:
            promoted_from = self.promoted_from

        retired_at: None | str | Unset
        if isinstance(self.retired_at, Unset):
            retired_at = UNSET
        elif isinstance(self.retired_at, datetime.datetime):
            retired_at = self.retired_at.isoformat()
        else:
            retired_at = self.retired_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "name": name,
                "segments": segments,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if activated_at is not UNSET:
            field_dict["activated_at"] = activated_at
        if challenger is not UNSET:
            field_dict["challenger"] = challenger
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if promoted_from is not UNSET:
            field_dict["promoted_from"] = promoted_from
        if retired_at is not UNSET:
            field_dict["retired_at"] = retired_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.challenger import Challenger  # noqa: PLC0415
        from ..models.segment import Segment  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        segments = []
        _segments = d.pop("segments")
        for segments_item_data in _segments:
            segments_item = Segment.from_dict(segments_item_data)

            segments.append(segments_item)

        status = StrategyStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_activated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)

                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        activated_at = _parse_activated_at(d.pop("activated_at", UNSET))

        def _parse_challenger(data: object) -> Challenger | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                challenger_type_0 = Challenger.from_dict(data)

                return challenger_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Challenger | None | Unset, data)

        challenger = _parse_challenger(d.pop("challenger", UNSET))

        def _parse_created_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_promoted_from(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        promoted_from = _parse_promoted_from(d.pop("promoted_from", UNSET))

        def _parse_retired_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_at_type_0 = datetime.datetime.fromisoformat(data)

                return retired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        retired_at = _parse_retired_at(d.pop("retired_at", UNSET))

        strategy = cls(
            created_at=created_at,
            id=id,
            name=name,
            segments=segments,
            status=status,
            updated_at=updated_at,
            activated_at=activated_at,
            challenger=challenger,
            created_by=created_by,
            promoted_from=promoted_from,
            retired_at=retired_at,
        )

        strategy.additional_properties = d
        return strategy

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
