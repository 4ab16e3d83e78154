from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegionRules")


@_attrs_define
class RegionRules:
    """Stricter rules for debtors of one region; unset fields keep the base policy's.

    Example:
        {'attempt_cap': 2}

    Attributes:
        attempt_cap (int | None | Unset): At most the base policy's.
        calling_end (None | str | Unset): `HH:MM`, local; contacts must start before it; not after the base policy's.
            Example: 20:00.
        calling_start (None | str | Unset): `HH:MM`, local; not before the base policy's. Example: 09:00.
        lockout_days (int | None | Unset): At least the base policy's.
        window_days (int | None | Unset): At least the base policy's.
    """

    attempt_cap: int | None | Unset = UNSET
    calling_end: None | str | Unset = UNSET
    calling_start: None | str | Unset = UNSET
    lockout_days: int | None | Unset = UNSET
    window_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        attempt_cap: int | None | Unset
        if isinstance(self.attempt_cap, Unset):
            attempt_cap = UNSET
        else:
            attempt_cap = self.attempt_cap

        calling_end: None | str | Unset
        if isinstance(self.calling_end, Unset):
            calling_end = UNSET
        else:
            calling_end = self.calling_end

        calling_start: None | str | Unset
        if isinstance(self.calling_start, Unset):
            calling_start = UNSET
        else:
            calling_start = self.calling_start

        lockout_days: int | None | Unset
        if isinstance(self.lockout_days, Unset):
            lockout_days = UNSET
        else:
            lockout_days = self.lockout_days

        window_days: int | None | Unset
        if isinstance(self.window_days, Unset):
            window_days = UNSET
        else:
            window_days = self.window_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attempt_cap is not UNSET:
            field_dict["attempt_cap"] = attempt_cap
        if calling_end is not UNSET:
            field_dict["calling_end"] = calling_end
        if calling_start is not UNSET:
            field_dict["calling_start"] = calling_start
        if lockout_days is not UNSET:
            field_dict["lockout_days"] = lockout_days
        if window_days is not UNSET:
            field_dict["window_days"] = window_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_attempt_cap(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attempt_cap = _parse_attempt_cap(d.pop("attempt_cap", UNSET))

        def _parse_calling_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        calling_end = _parse_calling_end(d.pop("calling_end", UNSET))

        def _parse_calling_start(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        calling_start = _parse_calling_start(d.pop("calling_start", UNSET))

        def _parse_lockout_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        lockout_days = _parse_lockout_days(d.pop("lockout_days", UNSET))

        def _parse_window_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        window_days = _parse_window_days(d.pop("window_days", UNSET))

        region_rules = cls(
            attempt_cap=attempt_cap,
            calling_end=calling_end,
            calling_start=calling_start,
            lockout_days=lockout_days,
            window_days=window_days,
        )

        return region_rules
