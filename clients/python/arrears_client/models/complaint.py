from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.complaint_category import ComplaintCategory
from ..models.complaint_source import ComplaintSource
from ..models.complaint_status import ComplaintStatus
from ..models.remedy import Remedy
from ..models.root_cause import RootCause
from ..types import UNSET, Unset

T = TypeVar("T", bound="Complaint")


@_attrs_define
class Complaint:
    """A complaint about an account.

    Example:
        {'account_id': 101, 'adjustment_id': None, 'against_user_id': None, 'agent_id': 12, 'category': 'wrong_amount',
            'closed_at': None, 'closed_by': None, 'created_at': '2026-11-20T15:05:00.000000Z', 'created_by': 12,
            'description': 'The debtor says the balance includes a fee the client waived.', 'due_at':
            '2026-12-05T15:00:00.000000Z', 'external_ref': 'CFPB-261120-0042', 'id': 12, 'justified': None,
            'monetary_relief': None, 'overdue': False, 'received_at': '2026-11-20T15:00:00.000000Z', 'remedy': None,
            'responded_at': '2026-11-21T10:00:00.000000Z', 'response': 'We are checking the fee with the client.',
            'root_cause': None, 'source': 'cfpb', 'status': 'in_progress', 'team_id': 2}

    Attributes:
        account_id (int):
        category (ComplaintCategory): What the complaint is about. `debt_not_owed`, `wrong_amount` and
            `validation_notice`
            pause outbound collection while the complaint is open. Example: wrong_amount.
        created_at (datetime.datetime):
        description (str):
        due_at (datetime.datetime): `received_at` plus the policy's days for the source × 24 h.
        id (int):
        overdue (bool): Open (or in progress) past `due_at`, now.
        received_at (datetime.datetime):
        source (ComplaintSource): Who brought the complaint. Example: cfpb.
        status (ComplaintStatus): `open` → `in_progress` (responded) → `closed`; reopening makes it `open` again. "Open"
            in
            pauses, `overdue` and reports means `open` or `in_progress`. Example: open.
        adjustment_id (int | None | Unset): The `goodwill` adjustment of a monetary remedy (applied, or pending
            approval).
        against_user_id (int | None | Unset): The user the complaint is about, if any.
        agent_id (int | None | Unset): Whom it counts against in reports: `against_user_id`, else the account's assignee
            when
            it was received.
        closed_at (datetime.datetime | None | Unset):
        closed_by (int | None | Unset):
        created_by (int | None | Unset):
        external_ref (None | str | Unset): The complaint's reference at its source (a CFPB case number).
        justified (bool | None | Unset):
        monetary_relief (int | None | Unset):
        remedy (None | Remedy | Unset):
        responded_at (datetime.datetime | None | Unset):
        response (None | str | Unset): The latest response.
        root_cause (None | RootCause | Unset):
        team_id (int | None | Unset): The account's team when it was received.
    """

    account_id: int
    category: ComplaintCategory
    created_at: datetime.datetime
    description: str
    due_at: datetime.datetime
    id: int
    overdue: bool
    received_at: datetime.datetime
    source: ComplaintSource
    status: ComplaintStatus
    adjustment_id: int | None | Unset = UNSET
    against_user_id: int | None | Unset = UNSET
    agent_id: int | None | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    closed_by: int | None | Unset = UNSET
    created_by: int | None | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    justified: bool | None | Unset = UNSET
    monetary_relief: int | None | Unset = UNSET
    remedy: None | Remedy | Unset = UNSET
    responded_at: datetime.datetime | None | Unset = UNSET
    response: None | str | Unset = UNSET
    root_cause: None | RootCause | Unset = UNSET
    team_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        category = self.category.value

        created_at = self.created_at.isoformat()

        description = self.description

        due_at = self.due_at.isoformat()

        id = self.id

        overdue = self.overdue

        received_at = self.received_at.isoformat()

        source = self.source.value

        status = self.status.value

        adjustment_id: int | None | Unset
        if isinstance(self.adjustment_id, Unset):
            adjustment_id = UNSET
        else:
            adjustment_id = self.adjustment_id

        against_user_id: int | None | Unset
        if isinstance(self.against_user_id, Unset):
            against_user_id = UNSET
        else:
            against_user_id = self.against_user_id

        agent_id: int | None | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closed_by: int | None | Unset
        if isinstance(self.closed_by, Unset):
            closed_by = UNSET
        else:
            closed_by = self.closed_by

        created_by: int | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        justified: bool | None | Unset
        if isinstance(self.justified, Unset):
            justified = UNSET
        else:
            justified = self.justified

        monetary_relief: int | None | Unset
        if isinstance(self.monetary_relief, Unset):
            monetary_relief = UNSET
        else:
            monetary_relief = self.monetary_relief

        remedy: None | str | Unset
        if isinstance(self.remedy, Unset):
            remedy = UNSET
        elif isinstance(self.remedy, Remedy):
            remedy = self.remedy.value
        else:
            remedy = self.remedy

        responded_at: None | str | Unset
        if isinstance(self.responded_at, Unset):
            responded_at = UNSET
        elif isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        response: None | str | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        else:
            response = self.response

        root_cause: None | str | Unset
        if isinstance(self.root_cause, Unset):
            root_cause = UNSET
        elif isinstance(self.root_cause, RootCause):
            root_cause = self.root_cause.value
        else:
            root_cause = self.root_cause

        team_id: int | None | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "category": category,
                "created_at": created_at,
                "description": description,
                "due_at": due_at,
                "id": id,
                "overdue": overdue,
                "received_at": received_at,
                "source": source,
                "status": status,
            }
        )
        if adjustment_id is not UNSET:
            field_dict["adjustment_id"] = adjustment_id
        if against_user_id is not UNSET:
            field_dict["against_user_id"] = against_user_id
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if closed_by is not UNSET:
            field_dict["closed_by"] = closed_by
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if justified is not UNSET:
            field_dict["justified"] = justified
        if monetary_relief is not UNSET:
            field_dict["monetary_relief"] = monetary_relief
        if remedy is not UNSET:
            field_dict["remedy"] = remedy
        if responded_at is not UNSET:
            field_dict["responded_at"] = responded_at
        if response is not UNSET:
            field_dict["response"] = response
        if root_cause is not UNSET:
            field_dict["root_cause"] = root_cause
        if team_id is not UNSET:
            field_dict["team_id"] = team_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        category = ComplaintCategory(d.pop("category"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        id = d.pop("id")

        overdue = d.pop("overdue")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        source = ComplaintSource(d.pop("source"))

        status = ComplaintStatus(d.pop("status"))

        def _parse_adjustment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        adjustment_id = _parse_adjustment_id(d.pop("adjustment_id", UNSET))

        def _parse_against_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        against_user_id = _parse_against_user_id(d.pop("against_user_id", UNSET))

        def _parse_agent_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

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

        def _parse_closed_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        closed_by = _parse_closed_by(d.pop("closed_by", UNSET))

        def _parse_created_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_justified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        justified = _parse_justified(d.pop("justified", UNSET))

        def _parse_monetary_relief(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        monetary_relief = _parse_monetary_relief(d.pop("monetary_relief", UNSET))

        def _parse_remedy(data: object) -> None | Remedy | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remedy_type_0 = Remedy(data)

                return remedy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Remedy | Unset, data)

        remedy = _parse_remedy(d.pop("remedy", UNSET))

        def _parse_responded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        responded_at = _parse_responded_at(d.pop("responded_at", UNSET))

        def _parse_response(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response = _parse_response(d.pop("response", UNSET))

        def _parse_root_cause(data: object) -> None | RootCause | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                root_cause_type_0 = RootCause(data)

                return root_cause_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RootCause | Unset, data)

        root_cause = _parse_root_cause(d.pop("root_cause", UNSET))

        def _parse_team_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        complaint = cls(
            account_id=account_id,
            category=category,
            created_at=created_at,
            description=description,
            due_at=due_at,
            id=id,
            overdue=overdue,
            received_at=received_at,
            source=source,
            status=status,
            adjustment_id=adjustment_id,
            against_user_id=against_user_id,
            agent_id=agent_id,
            closed_at=closed_at,
            closed_by=closed_by,
            created_by=created_by,
            external_ref=external_ref,
            justified=justified,
            monetary_relief=monetary_relief,
            remedy=remedy,
            responded_at=responded_at,
            response=response,
            root_cause=root_cause,
            team_id=team_id,
        )

        complaint.additional_properties = d
        return complaint

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
