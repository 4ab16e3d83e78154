from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.queue_reason import QueueReason

T = TypeVar("T", bound="QueueItem")


@_attrs_define
class QueueItem:
    """One account in a work queue.

    Example:
        {'account_id': 101, 'balance': 182550, 'contactable_now': True, 'days_past_due': 100, 'debtor_name': 'Jordan
            Reyes', 'external_ref': 'ACC-2026-000101', 'priority': 2006118, 'reason': 'new'}

    Attributes:
        account_id (int):
        balance (int): Minor units.
        contactable_now (bool): Whether an outbound call is allowed now.
        days_past_due (int):
        debtor_name (str):
        external_ref (str):
        priority (int): Higher first. The reason sets the tier (millions); balance × days past due orders within it.
        reason (QueueReason): Why an account is in the queue where it is (the strongest reason wins). Example: new.
    """

    account_id: int
    balance: int
    contactable_now: bool
    days_past_due: int
    debtor_name: str
    external_ref: str
    priority: int
    reason: QueueReason
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        balance = self.balance

        contactable_now = self.contactable_now

        days_past_due = self.days_past_due

        debtor_name = self.debtor_name

        external_ref = self.external_ref

        priority = self.priority

        reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "balance": balance,
                "contactable_now": contactable_now,
                "days_past_due": days_past_due,
                "debtor_name": debtor_name,
                "external_ref": external_ref,
                "priority": priority,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        balance = d.pop("balance")

        contactable_now = d.pop("contactable_now")

        days_past_due = d.pop("days_past_due")

        debtor_name = d.pop("debtor_name")

        external_ref = d.pop("external_ref")

        priority = d.pop("priority")

        reason = QueueReason(d.pop("reason"))

        queue_item = cls(
            account_id=account_id,
            balance=balance,
            contactable_now=contactable_now,
            days_past_due=days_past_due,
            debtor_name=debtor_name,
            external_ref=external_ref,
            priority=priority,
            reason=reason,
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
