from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status import AccountStatus
from ..models.aging_bucket import AgingBucket
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approval import Approval
    from ..models.debtor import Debtor
    from ..models.parts import Parts


T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """A delinquent account: what is owed, by whom, how old, who works it.

    Example:
        {'aging_bucket': '91-120', 'assignee_id': 12, 'balance': 182550, 'balance_components': {'costs': 0, 'fees':
            2500, 'interest': 10050, 'principal': 170000}, 'bankruptcy': False, 'created_at': '2026-11-22T14:03:00.000000Z',
            'currency': 'USD', 'days_past_due': 100, 'debtor': {'additional_timezones': [], 'attorney_represented': False,
            'cease_communication': False, 'created_at': '2026-11-22T14:03:00.000000Z', 'do_not_call': False, 'do_not_email':
            False, 'do_not_sms': False, 'email': None, 'external_ref': 'CUST-0042', 'id': 7, 'name': 'Jordan Reyes',
            'phone': '+16125550123', 'phone_valid': True, 'region': 'MN', 'timezone': 'America/Chicago', 'updated_at':
            '2026-11-22T14:03:00.000000Z'}, 'debtor_id': 7, 'deceased': False, 'delinquent_since': '2026-08-14',
            'external_ref': 'ACC-2026-000101', 'id': 101, 'open_complaints': 0, 'original_amount': 250000, 'portfolio':
            'cards-2026q3', 'status': 'open', 'team_id': 3, 'updated_at': '2026-11-22T14:03:00.000000Z', 'version': 4}

    Attributes:
        aging_bucket (AgingBucket): Aging buckets of the contract. Example: 31-60.
        balance (int): Minor units (cents); what is owed now.
        balance_components (Parts): Amounts per part (minor units): a balance's parts, or what a movement took from
            each. Example: {'costs': 0, 'fees': 2500, 'interest': 7500, 'principal': 90000}.
        bankruptcy (bool): A contact reported a bankruptcy: collection needs the team lead's review.
        created_at (datetime.datetime):
        currency (str): ISO 4217.
        days_past_due (int): Whole days since `delinquent_since`, as of today (UTC); never stored.
        debtor (Debtor): A person who owes: contact details and contact restrictions. Example: {'additional_timezones':
            [], 'attorney_represented': False, 'cease_communication': False, 'created_at': '2026-11-22T14:03:00.000000Z',
            'do_not_call': False, 'do_not_email': False, 'do_not_sms': False, 'email': 'jordan@example.com', 'external_ref':
            'CUST-0042', 'id': 7, 'name': 'Jordan Reyes', 'phone': '+16125550123', 'phone_valid': True, 'region': 'MN',
            'timezone': 'America/Chicago', 'updated_at': '2026-11-22T14:03:00.000000Z'}.
        debtor_id (int):
        deceased (bool): A contact reported the debtor deceased: collection needs the team lead's review.
        delinquent_since (datetime.date):
        external_ref (str): The placing client's reference; unique.
        id (int):
        open_complaints (int): Open or in-progress complaints on the account (`GET /v1/complaints?account_id=` lists
            them).
        original_amount (int): Minor units (cents).
        status (AccountStatus): Where an account stands. Example: open.
        updated_at (datetime.datetime):
        version (int): Grows with every change; the `ETag` is `"<version>"`.
        assignee_id (int | None | Unset): The agent currently working the account.
        pending_approvals (list[Approval] | None | Unset): The account's pending approval requests (`GET
            /v1/accounts/{id}` only; absent in lists).
        portfolio (None | str | Unset):
        team_id (int | None | Unset):
    """

    aging_bucket: AgingBucket
    balance: int
    balance_components: Parts
    bankruptcy: bool
    created_at: datetime.datetime
    currency: str
    days_past_due: int
    debtor: Debtor
    debtor_id: int
    deceased: bool
    delinquent_since: datetime.date
    external_ref: str
    id: int
    open_complaints: int
    original_amount: int
    status: AccountStatus
    updated_at: datetime.datetime
    version: int
    assignee_id: int | None | Unset = UNSET
    pending_approvals: list[Approval] | None | Unset = UNSET
    portfolio: None | str | Unset = UNSET
    team_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aging_bucket = self.aging_bucket.value

        balance = self.balance

        balance_components = self.balance_components.to_dict()

        bankruptcy = self.bankruptcy

        created_at = self.created_at.isoformat()

        currency = self.currency

        days_past_due = self.days_past_due

        debtor = self.debtor.to_dict()

        debtor_id = self.debtor_id

        deceased = self.deceased

        delinquent_since = self.delinquent_since.isoformat()

        external_ref = self.external_ref

        id = self.id

        open_complaints = self.open_complaints

        original_amount = self.original_amount

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        assignee_id: int | None | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = self.assignee_id

        pending_approvals: list[dict[str, Any]] | None | Unset
        if isinstance(self.pending_approvals, Unset):
            pending_approvals = UNSET
        elif isinstance(self.pending_approvals, list):
            pending_approvals = []
            for pending_approvals_type_0_item_data in self.pending_approvals:
                pending_approvals_type_0_item = pending_approvals_type_0_item_data.to_dict()
                pending_approvals.append(pending_approvals_type_0_item)

        else:
            pending_approvals = self.pending_approvals

        portfolio: None | str | Unset
        if isinstance(self.portfolio, Unset):
            portfolio = UNSET
        else:
            portfolio = self.portfolio

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aging_bucket": aging_bucket,
                "balance": balance,
                "balance_components": balance_components,
                "bankruptcy": bankruptcy,
                "created_at": created_at,
                "currency": currency,
                "days_past_due": days_past_due,
                "debtor": debtor,
                "debtor_id": debtor_id,
                "deceased": deceased,
                "delinquent_since": delinquent_since,
                "external_ref": external_ref,
                "id": id,
                "open_complaints": open_complaints,
                "original_amount": original_amount,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if pending_approvals is not UNSET:
            field_dict["pending_approvals"] = pending_approvals
        if portfolio is not UNSET:
            field_dict["portfolio"] = portfolio
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval import Approval  # noqa: PLC0415
        from ..models.debtor import Debtor  # noqa: PLC0415
        from ..models.parts import Parts  # noqa: PLC0415

        d = dict(src_dict)
        aging_bucket = AgingBucket(d.pop("aging_bucket"))

        balance = d.pop("balance")

        balance_components = Parts.from_dict(d.pop("balance_components"))

        bankruptcy = d.pop("bankruptcy")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        days_past_due = d.pop("days_past_due")

        debtor = Debtor.from_dict(d.pop("debtor"))

        debtor_id = d.pop("debtor_id")

        deceased = d.pop("deceased")

        delinquent_since = datetime.date.fromisoformat(d.pop("delinquent_since"))

        external_ref = d.pop("external_ref")

        id = d.pop("id")

        open_complaints = d.pop("open_complaints")

        original_amount = d.pop("original_amount")

        status = AccountStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_assignee_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))

        def _parse_pending_approvals(data: object) -> list[Approval] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pending_approvals_type_0 = []
                _pending_approvals_type_0 = data
                for pending_approvals_type_0_item_data in _pending_approvals_type_0:
                    pending_approvals_type_0_item = Approval.from_dict(pending_approvals_type_0_item_data)

                    pending_approvals_type_0.append(pending_approvals_type_0_item)

                return pending_approvals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Approval] | None | Unset, data)

        pending_approvals = _parse_pending_approvals(d.pop("pending_approvals", UNSET))

        def _parse_portfolio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portfolio = _parse_portfolio(d.pop("portfolio", UNSET))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        account = cls(
            aging_bucket=aging_bucket,
            balance=balance,
            balance_components=balance_components,
            bankruptcy=bankruptcy,
            created_at=created_at,
            currency=currency,
            days_past_due=days_past_due,
            debtor=debtor,
            debtor_id=debtor_id,
            deceased=deceased,
            delinquent_since=delinquent_since,
            external_ref=external_ref,
            id=id,
            open_complaints=open_complaints,
            original_amount=original_amount,
            status=status,
            updated_at=updated_at,
            version=version,
            assignee_id=assignee_id,
            pending_approvals=pending_approvals,
            portfolio=portfolio,
            team_id=team_id,
        )

        account.additional_properties = d
        return account

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
