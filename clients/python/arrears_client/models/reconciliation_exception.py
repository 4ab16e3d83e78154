from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.exception_kind import ExceptionKind
from ..models.exception_status import ExceptionStatus
from ..models.resolution import Resolution
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReconciliationException")


@_attrs_define
class ReconciliationException:
    """What does not reconcile, and how it was resolved.

    Example:
        {'account_id': 101, 'amount': 12500, 'external_ref': 'ACC-1001', 'id': 17, 'kind': 'unmatched_row', 'line': 212,
            'note': None, 'payment_amount': None, 'payment_id': None, 'posted_payment_id': None, 'received_on':
            '2026-11-14', 'reconciliation_id': 4, 'reference': 'TX-99812', 'resolution': None, 'resolved_at': None,
            'resolved_by': None, 'status': 'open'}

    Attributes:
        id (int):
        kind (ExceptionKind): What does not reconcile. Example: unmatched_row.
        reconciliation_id (int):
        status (ExceptionStatus): Where an exception is. Example: open.
        account_id (int | None | Unset): `null` for a row whose `external_ref` names no account.
        amount (int | None | Unset): The row's amount.
        external_ref (None | str | Unset):
        line (int | None | Unset): The file's row (`unmatched_row`, `amount_mismatch`).
        note (None | str | Unset):
        payment_amount (int | None | Unset):
        payment_id (int | None | Unset): The recorded payment (`unmatched_payment`, `amount_mismatch`).
        posted_payment_id (int | None | Unset): The payment a `post_payment` resolution recorded.
        received_on (datetime.date | None | Unset): The row's received date, or the unmatched payment's.
        reference (None | str | Unset):
        resolution (None | Resolution | Unset):
        resolved_at (datetime.datetime | None | Unset):
        resolved_by (int | None | Unset):
    """

    id: int
    kind: ExceptionKind
    reconciliation_id: int
    status: ExceptionStatus
    account_id: int | None | Unset = UNSET
    amount: int | None | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    line: int | None | Unset = UNSET
    note: None | str | Unset = UNSET
    payment_amount: int | None | Unset = UNSET
    payment_id: int | None | Unset = UNSET
    posted_payment_id: int | None | Unset = UNSET
    received_on: datetime.date | None | Unset = UNSET
    reference: None | str | Unset = UNSET
    resolution: None | Resolution | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    resolved_by: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        reconciliation_id = self.reconciliation_id

        status = self.status.value

        account_id: int | None | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        line: int | None | Unset
        if isinstance(self.line, Unset):
            line = UNSET
        else:
            line = self.line

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        payment_amount: int | None | Unset
        if isinstance(self.payment_amount, Unset):
            payment_amount = UNSET
        else:
            payment_amount = self.payment_amount

        payment_id: int | None | Unset
        if isinstance(self.payment_id, Unset):
            payment_id = UNSET
        else:
            payment_id = self.payment_id

        posted_payment_id: int | None | Unset
        if isinstance(self.posted_payment_id, Unset):
            posted_payment_id = UNSET
        else:
            posted_payment_id = self.posted_payment_id

        received_on: None | str | Unset
        if isinstance(self.received_on, Unset):
            received_on = UNSET
        elif isinstance(self.received_on, datetime.date):
            received_on = self.received_on.isoformat()
        else:
            received_on = self.received_on

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        elif isinstance(self.resolution, Resolution):
            resolution = self.resolution.value
        else:
            resolution = self.resolution

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: int | None | Unset
        if isinstance(self.resolved_by, Unset):
            resolved_by = UNSET
        else:
            resolved_by = self.resolved_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "reconciliation_id": reconciliation_id,
                "status": status,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if line is not UNSET:
            field_dict["line"] = line
        if note is not UNSET:
            field_dict["note"] = note
        if payment_amount is not UNSET:
            field_dict["payment_amount"] = payment_amount
        if payment_id is not UNSET:
            field_dict["payment_id"] = payment_id
        if posted_payment_id is not UNSET:
            field_dict["posted_payment_id"] = posted_payment_id
        if received_on is not UNSET:
            field_dict["received_on"] = received_on
        if reference is not UNSET:
            field_dict["reference"] = reference
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if resolved_by is not UNSET:
            field_dict["resolved_by"] = resolved_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = ExceptionKind(d.pop("kind"))

        reconciliation_id = d.pop("reconciliation_id")

        status = ExceptionStatus(d.pop("status"))

        def _parse_account_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_line(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        line = _parse_line(d.pop("line", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_payment_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        payment_amount = _parse_payment_amount(d.pop("payment_amount", UNSET))

        def _parse_payment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        payment_id = _parse_payment_id(d.pop("payment_id", UNSET))

        def _parse_posted_payment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        posted_payment_id = _parse_posted_payment_id(d.pop("posted_payment_id", UNSET))

        def _parse_received_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_on_type_0 = datetime.date.fromisoformat(data)

                return received_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        received_on = _parse_received_on(d.pop("received_on", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_resolution(data: object) -> None | Resolution | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolution_type_0 = Resolution(data)

                return resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Resolution | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        def _parse_resolved_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by", UNSET))

        reconciliation_exception = cls(
            id=id,
            kind=kind,
            reconciliation_id=reconciliation_id,
            status=status,
            account_id=account_id,
            amount=amount,
            external_ref=external_ref,
            line=line,
            note=note,
            payment_amount=payment_amount,
            payment_id=payment_id,
            posted_payment_id=posted_payment_id,
            received_on=received_on,
            reference=reference,
            resolution=resolution,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
        )

        reconciliation_exception.additional_properties = d
        return reconciliation_exception

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
