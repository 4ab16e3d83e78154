from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.challenger import Challenger
    from ..models.segment import Segment


T = TypeVar("T", bound="StrategyRequest")


@_attrs_define
class StrategyRequest:
    """A strategy's definition.

    Example:
        {'challenger': {'segments': [{'criteria': {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action':
            'sms', 'day': 0, 'template': 'reminder-1'}]}, {'criteria': {'min_days_past_due': 31}, 'name': 'late',
            'treatment': [{'action': 'settlement_offer', 'day': 0, 'discount_percent': 30}]}], 'share_percent': 20}, 'name':
            'Q4 early stage', 'segments': [{'criteria': {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action':
            'call', 'day': 0}, {'action': 'sms', 'day': 3, 'template': 'reminder-1'}]}, {'criteria': {'min_days_past_due':
            31}, 'name': 'late', 'treatment': [{'action': 'letter', 'day': 0, 'template': 'final-notice'}, {'action':
            'settlement_offer', 'day': 14, 'discount_percent': 20}]}]}

    Attributes:
        name (str): 1 to 200 characters.
        segments (list[Segment]): 1 to 50 segments, tried in order; names unique; `min_*` ≤ `max_*`; steps on days 0 to
            3650; `template` exactly for `sms`, `email`, `letter`; `discount_percent` (1–100) exactly
            for `settlement_offer`.
        challenger (Challenger | None | Unset):
    """

    name: str
    segments: list[Segment]
    challenger: Challenger | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.challenger import Challenger  # noqa: PLC0415

        name = self.name

        segments = []
        for segments_item_data in self.segments:
            segments_item = segments_item_data.to_dict()
            segments.append(segments_item)

        challenger: dict[str, Any] | None | Unset
        if isinstance(self.challenger, Unset):
            challenger = UNSET
        elif isinstance(self.challenger, Challenger):
            challenger = self.challenger.to_dict()
        else:
            challenger = self.challenger

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "segments": segments,
            }
        )
        if challenger is not UNSET:
            field_dict["challenger"] = challenger

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.challenger import Challenger  # noqa: PLC0415
        from ..models.segment import Segment  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        segments = []
        _segments = d.pop("segments")
        for segments_item_data in _segments:
            segments_item = Segment.from_dict(segments_item_data)

            segments.append(segments_item)

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

        strategy_request = cls(
            name=name,
            segments=segments,
            challenger=challenger,
        )

        return strategy_request
