from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.aging_bucket import AgingBucket
from ..models.queue_reason import QueueReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.active_arrangement import ActiveArrangement


T = TypeVar("T", bound="QueueItem")


@_attrs_define
class QueueItem:
    """One account in a work queue: what a work list shows, without a call per row.

    Example:
        {'account_id': 101, 'active_arrangement': {'id': 4, 'kind': 'plan', 'next_amount': 25000, 'next_due_on':
            '2026-12-01'}, 'aging_bucket': '91-120', 'balance': 182550, 'contactable_now': False, 'currency': 'USD',
            'days_past_due': 100, 'debtor_local_time': '10:00', 'debtor_name': 'Jordan Reyes', 'debtor_timezone':
            'America/Chicago', 'external_ref': 'ACC-2026-000101', 'last_contact_at': '2026-11-28T15:04:00.000000Z',
            'next_allowed_at': '2026-12-01T14:00:00.000000Z', 'priority': 2006118, 'reason': 'promise_due'}

    Attributes:
        account_id (int):
        aging_bucket (AgingBucket): Aging buckets of the contract. Example: 31-60.
        balance (int): Minor units.
        contactable_now (bool): Whether an outbound call is allowed now.
        currency (str): ISO 4217 code of `balance`.
        days_past_due (int):
        debtor_local_time (str): The debtor's wall-clock time now (`HH:MM`), for a work list's "their time" column.
        debtor_name (str):
        debtor_timezone (str): The debtor's IANA time zone.
        external_ref (str):
        priority (int): Higher first. The reason sets the tier (millions); balance × days past due orders within it.
        reason (QueueReason): Why an account is in the queue where it is (the strongest reason wins). Example: new.
        active_arrangement (ActiveArrangement | None | Unset):
        last_contact_at (datetime.datetime | None | Unset): The latest contact logged on the account, if any.
        next_allowed_at (datetime.datetime | None | Unset): When only the hour stands in the way: the first instant a
            call is allowed; `null` when
            contactable now or when something other than time refuses it.
    """

    account_id: int
    aging_bucket: AgingBucket
    balance: int
    contactable_now: bool
    currency: str
    days_past_due: int
    debtor_local_time: str
    debtor_name: str
    debtor_timezone: str
    external_ref: str
    priority: int
    reason: QueueReason
    active_arrangement: ActiveArrangement | None | Unset = UNSET
    last_contact_at: datetime.datetime | None | Unset = UNSET
    next_allowed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.active_arrangement import ActiveArrangement  # noqa: PLC0415

        account_id = self.account_id

        aging_bucket = self.aging_bucket.value

        balance = self.balance

        contactable_now = self.contactable_now

        currency = self.currency

        days_past_due = self.days_past_due

        debtor_local_time = self.debtor_local_time

        debtor_name = self.debtor_name

        debtor_timezone = self.debtor_timezone

        external_ref = self.external_ref

        priority = self.priority

        reason = self.reason.value

        active_arrangement: dict[str, Any] | None | Unset
        if isinstance(self.active_arrangement, Unset):
            active_arrangement = UNSET
        elif isinstance(self.active_arrangement, ActiveArrangement):
            active_arrangement = self.active_arrangement.to_dict()
        else:
            active_arrangement = self.active_arrangement

        last_contact_at: None | str | Unset
        if isinstance(self.last_contact_at, Unset):
            last_contact_at = UNSET
        elif isinstance(self.last_contact_at, datetime.datetime):
            last_contact_at = self.last_contact_at.isoformat()
        else:
            last_contact_at = self.last_contact_at

        next_allowed_at: None | str | Unset
        if isinstance(self.next_allowed_at, Unset):
            next_allowed_at = UNSET
        elif isinstance(self.next_allowed_at, datetime.datetime):
            next_allowed_at = self.next_allowed_at.isoformat()
        else:
            next_allowed_at = self.next_allowed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "aging_bucket": aging_bucket,
                "balance": balance,
                "contactable_now": contactable_now,
                "currency": currency,
                "days_past_due": days_past_due,
                "debtor_local_time": debtor_local_time,
                "debtor_name": debtor_name,
                "debtor_timezone": debtor_timezone,
                "external_ref": external_ref,
                "priority": priority,
                "reason": reason,
            }
        )
        if active_arrangement is not UNSET:
            field_dict["active_arrangement"] = active_arrangement
        if last_contact_at is not UNSET:
            field_dict["last_contact_at"] = last_contact_at
        if next_allowed_at is not UNSET:
            field_dict["next_allowed_at"] = next_allowed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.active_arrangement import ActiveArrangement  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("account_id")

        aging_bucket = AgingBucket(d.pop("aging_bucket"))

        balance = d.pop("balance")

        contactable_now = d.pop("contactable_now")

        currency = d.pop("currency")

        days_past_due = d.pop("days_past_due")

        debtor_local_time = d.pop("debtor_local_time")

        debtor_name = d.pop("debtor_name")

        debtor_timezone = d.pop("debtor_timezone")

        external_ref = d.pop("external_ref")

        priority = d.pop("priority")

        reason = QueueReason(d.pop("reason"))

        def _parse_active_arrangement(data: object) -> ActiveArrangement | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                active_arrangement_type_0 = ActiveArrangement.from_dict(data)

                return active_arrangement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActiveArrangement | None | Unset, data)

        active_arrangement = _parse_active_arrangement(d.pop("active_arrangement", UNSET))

        def _parse_last_contact_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_contact_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_contact_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_contact_at = _parse_last_contact_at(d.pop("last_contact_at", UNSET))

        def _parse_next_allowed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_allowed_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_allowed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_allowed_at = _parse_next_allowed_at(d.pop("next_allowed_at", UNSET))

        queue_item = cls(
            account_id=account_id,
            aging_bucket=aging_bucket,
            balance=balance,
            contactable_now=contactable_now,
            currency=currency,
            days_past_due=days_past_due,
            debtor_local_time=debtor_local_time,
            debtor_name=debtor_name,
            debtor_timezone=debtor_timezone,
            external_ref=external_ref,
            priority=priority,
            reason=reason,
            active_arrangement=active_arrangement,
            last_contact_at=last_contact_at,
            next_allowed_at=next_allowed_at,
        )

        queue_item.additional_properties = d
        return queue_item

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
