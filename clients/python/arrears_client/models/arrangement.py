from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.arrangement_kind import ArrangementKind
from ..models.arrangement_status import ArrangementStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.installment import Installment


T = TypeVar("T", bound="Arrangement")


@_attrs_define
class Arrangement:
    """A payment arrangement with its installments.

    Example:
        {'account_id': 101, 'created_at': '2026-11-22T14:03:00.000000Z', 'created_by': 12, 'ended_at': None, 'id': 4,
            'installments': [{'amount': 25000, 'due_on': '2026-12-15', 'id': 9, 'paid_amount': 10000, 'seq': 1, 'status':
            'partially_paid'}], 'kind': 'plan', 'paid_amount': 10000, 'status': 'active', 'total_amount': 75000,
            'updated_at': '2026-11-22T14:03:00.000000Z'}

    Attributes:
        account_id (int):
        created_at (datetime.datetime):
        id (int):
        installments (list[Installment]):
        kind (ArrangementKind): A plan (installments) or a promise to pay (one amount, one date). Example: plan.
        paid_amount (int):
        status (ArrangementStatus): Where an arrangement stands. Example: active.
        total_amount (int): Sum of the installments (minor units).
        updated_at (datetime.datetime):
        created_by (int | None | Unset):
        ended_at (datetime.datetime | None | Unset): When it completed, broke or was cancelled.
    """

    account_id: int
    created_at: datetime.datetime
    id: int
    installments: list[Installment]
    kind: ArrangementKind
    paid_amount: int
    status: ArrangementStatus
    total_amount: int
    updated_at: datetime.datetime
    created_by: int | None | Unset = UNSET
    ended_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        created_at = self.created_at.isoformat()

        id = self.id

        installments = []
        for installments_item_data in self.installments:
            installments_item = installments_item_data.to_dict()
            installments.append(installments_item)

        kind = self.kind.value

        paid_amount = self.paid_amount

        status = self.status.value

        total_amount = self.total_amount

        updated_at = self.updated_at.isoformat()

        created_by: int | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "created_at": created_at,
                "id": id,
                "installments": installments,
                "kind": kind,
                "paid_amount": paid_amount,
                "status": status,
                "total_amount": total_amount,
                "updated_at": updated_at,
            }
        )
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment import Installment  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("account_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        installments = []
        _installments = d.pop("installments")
        for installments_item_data in _installments:
            installments_item = Installment.from_dict(installments_item_data)

            installments.append(installments_item)

        kind = ArrangementKind(d.pop("kind"))

        paid_amount = d.pop("paid_amount")

        status = ArrangementStatus(d.pop("status"))

        total_amount = d.pop("total_amount")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_created_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        arrangement = cls(
            account_id=account_id,
            created_at=created_at,
            id=id,
            installments=installments,
            kind=kind,
            paid_amount=paid_amount,
            status=status,
            total_amount=total_amount,
            updated_at=updated_at,
            created_by=created_by,
            ended_at=ended_at,
        )

        arrangement.additional_properties = d
        return arrangement

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
