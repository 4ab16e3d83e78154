from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.communication_status import CommunicationStatus
from ..models.message_channel import MessageChannel
from ..models.reason import Reason
from ..types import UNSET, Unset

T = TypeVar("T", bound="Communication")


@_attrs_define
class Communication:
    """A message for a mail house or gateway.

    Example:
        {'account_id': 101, 'channel': 'sms', 'closed_at': None, 'created_at': '2026-11-30T02:00:12.000000Z',
            'failure_reason': None, 'id': 31, 'reasons': [], 'send_after': '2026-11-30T13:00:00.000000Z', 'status':
            'pending', 'step_id': 88, 'template': 'reminder-1'}

    Attributes:
        account_id (int):
        channel (MessageChannel): How a communication goes out. Example: sms.
        created_at (datetime.datetime):
        id (int):
        reasons (list[Reason]): Why it is `blocked` (empty otherwise).
        status (CommunicationStatus): Where a communication is. Example: pending.
        template (str):
        closed_at (datetime.datetime | None | Unset): When it was sent, failed or found blocked when sending.
        failure_reason (None | str | Unset): Why it `failed`.
        send_after (datetime.datetime | None | Unset): Not before this instant: the debtor's hours for messages (null:
            any time).
        step_id (int | None | Unset): The strategy step that asked for it.
    """

    account_id: int
    channel: MessageChannel
    created_at: datetime.datetime
    id: int
    reasons: list[Reason]
    status: CommunicationStatus
    template: str
    closed_at: datetime.datetime | None | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    send_after: datetime.datetime | None | Unset = UNSET
    step_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        channel = self.channel.value

        created_at = self.created_at.isoformat()

        id = self.id

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.value
            reasons.append(reasons_item)

        status = self.status.value

        template = self.template

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        send_after: None | str | Unset
        if isinstance(self.send_after, Unset):
            send_after = UNSET
        elif isinstance(self.send_after, datetime.datetime):
            send_after = self.send_after.isoformat()
        else:
            send_after = self.send_after

        step_id: int | None | Unset
        if isinstance(self.step_id, Unset):
            step_id = UNSET
        else:
            step_id = self.step_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "channel": channel,
                "created_at": created_at,
                "id": id,
                "reasons": reasons,
                "status": status,
                "template": template,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if send_after is not UNSET:
            field_dict["send_after"] = send_after
        if step_id is not UNSET:
            field_dict["step_id"] = step_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        channel = MessageChannel(d.pop("channel"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason(reasons_item_data)

            reasons.append(reasons_item)

        status = CommunicationStatus(d.pop("status"))

        template = d.pop("template")

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_failure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason", UNSET))

        def _parse_send_after(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_after_type_0 = datetime.datetime.fromisoformat(data)

                return send_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        send_after = _parse_send_after(d.pop("send_after", UNSET))

        def _parse_step_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        step_id = _parse_step_id(d.pop("step_id", UNSET))

        communication = cls(
            account_id=account_id,
            channel=channel,
            created_at=created_at,
            id=id,
            reasons=reasons,
            status=status,
            template=template,
            closed_at=closed_at,
            failure_reason=failure_reason,
            send_after=send_after,
            step_id=step_id,
        )

        communication.additional_properties = d
        return communication

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
