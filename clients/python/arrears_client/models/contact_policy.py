from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.contact_policy_regions import ContactPolicyRegions


T = TypeVar("T", bound="ContactPolicy")


@_attrs_define
class ContactPolicy:
    """The contact policy: base rules and region overrides.

    Example:
        {'attempt_cap': 7, 'calling_end': '21:00:00', 'calling_start': '08:00:00', 'lockout_days': 7, 'regions': {'MA':
            {'attempt_cap': 2}}, 'window_days': 7}

    Attributes:
        attempt_cap (int): Outbound phone attempts allowed per window: at most 7 (Regulation F).
        calling_end (str): Local time calls must start before: 21:00 or earlier. Example: 21:00:00.
        calling_start (str): Local time calls may start: 08:00 or later. Example: 08:00:00.
        lockout_days (int): Local calendar days without calls after a phone conversation, its day counting as day
            one: at least 7.
        regions (ContactPolicyRegions): Overrides by debtor `region` (upper-case code such as `MA`).
        window_days (int): The window, in the debtor's local calendar days ending with the day of the call: at
            least 7.
    """

    attempt_cap: int
    calling_end: str
    calling_start: str
    lockout_days: int
    regions: ContactPolicyRegions
    window_days: int

    def to_dict(self) -> dict[str, Any]:
        attempt_cap = self.attempt_cap

        calling_end = self.calling_end

        calling_start = self.calling_start

        lockout_days = self.lockout_days

        regions = self.regions.to_dict()

        window_days = self.window_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attempt_cap": attempt_cap,
                "calling_end": calling_end,
                "calling_start": calling_start,
                "lockout_days": lockout_days,
                "regions": regions,
                "window_days": window_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_policy_regions import ContactPolicyRegions  # noqa: PLC0415

        d = dict(src_dict)
        attempt_cap = d.pop("attempt_cap")

        calling_end = d.pop("calling_end")

        calling_start = d.pop("calling_start")

        lockout_days = d.pop("lockout_days")

        regions = ContactPolicyRegions.from_dict(d.pop("regions"))

        window_days = d.pop("window_days")

        contact_policy = cls(
            attempt_cap=attempt_cap,
            calling_end=calling_end,
            calling_start=calling_start,
            lockout_days=lockout_days,
            regions=regions,
            window_days=window_days,
        )

        return contact_policy
