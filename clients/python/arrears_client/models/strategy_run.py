from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.strategy_run_actions import StrategyRunActions


T = TypeVar("T", bound="StrategyRun")


@_attrs_define
class StrategyRun:
    """A strategy run.

    Example:
        {'accounts_evaluated': 48210, 'actions': {'call': 1210, 'letter': 95, 'review': 12, 'sms': 802}, 'blocked': 37,
            'error': None, 'finished_at': '2026-11-30T02:00:41.000000Z', 'id': 12, 'run_on': '2026-11-30', 'started_at':
            '2026-11-30T02:00:00.000000Z', 'started_by': None, 'status': 'finished', 'strategy_id': 3}

    Attributes:
        accounts_evaluated (int):
        actions (StrategyRunActions): Steps taken, per action (only actions taken at least once).
        blocked (int): Communications stored `blocked` by the contact rules.
        id (int):
        run_on (datetime.date): The UTC day the run takes steps for.
        started_at (datetime.datetime):
        status (RunStatus): Where a run is. Example: finished.
        strategy_id (int):
        error (None | str | Unset): Why a `failed` run stopped.
        finished_at (datetime.datetime | None | Unset):
        started_by (int | None | Unset): Who started it; null for the daily run `serve` starts by itself.
    """

    accounts_evaluated: int
    actions: StrategyRunActions
    blocked: int
    id: int
    run_on: datetime.date
    started_at: datetime.datetime
    status: RunStatus
    strategy_id: int
    error: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    started_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts_evaluated = self.accounts_evaluated

        actions = self.actions.to_dict()

        blocked = self.blocked

        id = self.id

        run_on = self.run_on.isoformat()

        started_at = self.started_at.isoformat()

        status = self.status.value

        strategy_id = self.strategy_id

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        started_by: int | None | Unset
        if isinstance(self.started_by, Unset):
            started_by = UNSET
        else:
            started_by = self.started_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts_evaluated": accounts_evaluated,
                "actions": actions,
                "blocked": blocked,
                "id": id,
                "run_on": run_on,
                "started_at": started_at,
                "status": status,
                "strategy_id": strategy_id,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if started_by is not UNSET:
            field_dict["started_by"] = started_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.strategy_run_actions import StrategyRunActions  # noqa: PLC0415

        d = dict(src_dict)
        accounts_evaluated = d.pop("accounts_evaluated")

        actions = StrategyRunActions.from_dict(d.pop("actions"))

        blocked = d.pop("blocked")

        id = d.pop("id")

        run_on = datetime.date.fromisoformat(d.pop("run_on"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        status = RunStatus(d.pop("status"))

        strategy_id = d.pop("strategy_id")

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_started_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        started_by = _parse_started_by(d.pop("started_by", UNSET))

        strategy_run = cls(
            accounts_evaluated=accounts_evaluated,
            actions=actions,
            blocked=blocked,
            id=id,
            run_on=run_on,
            started_at=started_at,
            status=status,
            strategy_id=strategy_id,
            error=error,
            finished_at=finished_at,
            started_by=started_by,
        )

        strategy_run.additional_properties = d
        return strategy_run

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
