from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.complaint_category import ComplaintCategory
from ..models.complaint_source import ComplaintSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateComplaintRequest")


@_attrs_define
class CreateComplaintRequest:
    """A complaint as received.

    Example:
        {'category': 'wrong_amount', 'description': 'The debtor says the balance includes a fee the client waived.',
            'external_ref': 'CFPB-261120-0042', 'received_at': '2026-11-20T15:00:00.000000Z', 'source': 'cfpb'}

    Attributes:
        category (ComplaintCategory): What the complaint is about. `debt_not_owed`, `wrong_amount` and
            `validation_notice`
            pause outbound collection while the complaint is open. Example: wrong_amount.
        description (str):
        source (ComplaintSource): Who brought the complaint. Example: cfpb.
        against_user_id (int | None | Unset): The user the complaint is about.
        external_ref (None | str | Unset): Its reference at the source (a CFPB case number).
        received_at (datetime.datetime | None | Unset): When it reached us (default now; not in the future): `due_at`
            counts from it.
    """

    category: ComplaintCategory
    description: str
    source: ComplaintSource
    against_user_id: int | None | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    received_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        description = self.description

        source = self.source.value

        against_user_id: int | None | Unset
        if isinstance(self.against_user_id, Unset):
            against_user_id = UNSET
        else:
            against_user_id = self.against_user_id

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        elif isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "description": description,
                "source": source,
            }
        )
        if against_user_id is not UNSET:
            field_dict["against_user_id"] = against_user_id
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if received_at is not UNSET:
            field_dict["received_at"] = received_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = ComplaintCategory(d.pop("category"))

        description = d.pop("description")

        source = ComplaintSource(d.pop("source"))

        def _parse_against_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        against_user_id = _parse_against_user_id(d.pop("against_user_id", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_received_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        received_at = _parse_received_at(d.pop("received_at", UNSET))

        create_complaint_request = cls(
            category=category,
            description=description,
            source=source,
            against_user_id=against_user_id,
            external_ref=external_ref,
            received_at=received_at,
        )

        return create_complaint_request
