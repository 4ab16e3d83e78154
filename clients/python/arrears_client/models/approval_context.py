from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approval_account import ApprovalAccount


T = TypeVar("T", bound="ApprovalContext")


@_attrs_define
class ApprovalContext:
    """What a listed request shows beside its own fields.

    Example:
        {'account': {'balance': 182550, 'currency': 'USD', 'debtor_name': 'Jordan Reyes', 'external_ref':
            'ACC-2026-000101'}, 'requester_name': 'Dana Agent'}

    Attributes:
        account (ApprovalAccount): The account a listed request is about, as it is now. Example: {'balance': 182550,
            'currency': 'USD', 'debtor_name': 'Jordan Reyes', 'external_ref': 'ACC-2026-000101'}.
        requester_name (None | str | Unset): The requester's name; `null` for a request made by the system.
    """

    account: ApprovalAccount
    requester_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        requester_name: None | str | Unset
        if isinstance(self.requester_name, Unset):
            requester_name = UNSET
        else:
            requester_name = self.requester_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
            }
        )
        if requester_name is not UNSET:
            field_dict["requester_name"] = requester_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_account import ApprovalAccount  # noqa: PLC0415

        d = dict(src_dict)
        account = ApprovalAccount.from_dict(d.pop("account"))

        def _parse_requester_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester_name = _parse_requester_name(d.pop("requester_name", UNSET))

        approval_context = cls(
            account=account,
            requester_name=requester_name,
        )

        approval_context.additional_properties = d
        return approval_context

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
