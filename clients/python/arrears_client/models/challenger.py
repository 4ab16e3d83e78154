from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.segment import Segment


T = TypeVar("T", bound="Challenger")


@_attrs_define
class Challenger:
    """The challenger: its share of the accounts and its own segments.

    Example:
        {'segments': [{'criteria': {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'sms', 'day': 0,
            'template': 'reminder-1'}]}], 'share_percent': 20}

    Attributes:
        segments (list[Segment]):
        share_percent (int): 1 to 50.
    """

    segments: list[Segment]
    share_percent: int

    def to_dict(self) -> dict[str, Any]:
        segments = []
        for segments_item_data in self.segments:
            segments_item = segments_item_data.to_dict()
            segments.append(segments_item)

        share_percent = self.share_percent

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "segments": segments,
                "share_percent": share_percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.segment import Segment  # noqa: PLC0415

        d = dict(src_dict)
        segments = []
        _segments = d.pop("segments")
        for segments_item_data in _segments:
            segments_item = Segment.from_dict(segments_item_data)

            segments.append(segments_item)

        share_percent = d.pop("share_percent")

        challenger = cls(
            segments=segments,
            share_percent=share_percent,
        )

        return challenger
