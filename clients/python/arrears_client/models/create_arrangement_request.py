from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.arrangement_kind import ArrangementKind
from ..models.frequency import Frequency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.installment_request import InstallmentRequest


T = TypeVar("T", bound="CreateArrangementRequest")


@_attrs_define
class CreateArrangementRequest:
    """A new arrangement, in one of three shapes:
    - `{"kind": "plan", "installments": [{"due_on", "amount"}, …]}`
    - `{"kind": "plan", "total", "count", "frequency", "first_due_on"}` (remainder cents on the last installment)
    - `{"kind": "promise", "amount", "due_on"}`

    Due dates ascending and not in the past, amounts > 0, total ≤ balance, at most 60
    installments (422 otherwise). A plan longer than your role may set up without approval (the
    approval policy's `plan_max_installments`: agent 12, team lead 24, manager 60 by default) is
    created `pending_approval`, with an approval request for the tier that may allow it.

        Example:
            {'count': 3, 'first_due_on': '2026-12-15', 'frequency': 'monthly', 'kind': 'plan', 'total': 75000}

        Attributes:
            kind (ArrangementKind): A plan (installments) or a promise to pay (one amount, one date). Example: plan.
            amount (int | None | Unset): Promise: the amount (minor units).
            count (int | None | Unset):
            due_on (datetime.date | None | Unset): Promise: the date.
            first_due_on (datetime.date | None | Unset):
            frequency (Frequency | None | Unset):
            installments (list[InstallmentRequest] | None | Unset):
            total (int | None | Unset):
    """

    kind: ArrangementKind
    amount: int | None | Unset = UNSET
    count: int | None | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    first_due_on: datetime.date | None | Unset = UNSET
    frequency: Frequency | None | Unset = UNSET
    installments: list[InstallmentRequest] | None | Unset = UNSET
    total: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        first_due_on: None | str | Unset
        if isinstance(self.first_due_on, Unset):
            first_due_on = UNSET
        elif isinstance(self.first_due_on, datetime.date):
            first_due_on = self.first_due_on.isoformat()
        else:
            first_due_on = self.first_due_on

        frequency: None | str | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        elif isinstance(self.frequency, Frequency):
            frequency = self.frequency.value
        else:
            frequency = self.frequency

        installments: list[dict[str, Any]] | None | Unset
        if isinstance(self.installments, Unset):
            installments = UNSET
        elif isinstance(self.installments, list):
            installments = []
            for installments_type_0_item_data in self.installments:
                installments_type_0_item = installments_type_0_item_data.to_dict()
                installments.append(installments_type_0_item)

        else:
            installments = self.installments

        total: int | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if count is not UNSET:
            field_dict["count"] = count
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if first_due_on is not UNSET:
            field_dict["first_due_on"] = first_due_on
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if installments is not UNSET:
            field_dict["installments"] = installments
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment_request import InstallmentRequest  # noqa: PLC0415

        d = dict(src_dict)
        kind = ArrangementKind(d.pop("kind"))

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        def _parse_first_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_due_on_type_0 = datetime.date.fromisoformat(data)

                return first_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        first_due_on = _parse_first_due_on(d.pop("first_due_on", UNSET))

        def _parse_frequency(data: object) -> Frequency | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                frequency_type_0 = Frequency(data)

                return frequency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Frequency | None | Unset, data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        def _parse_installments(data: object) -> list[InstallmentRequest] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                installments_type_0 = []
                _installments_type_0 = data
                for installments_type_0_item_data in _installments_type_0:
                    installments_type_0_item = InstallmentRequest.from_dict(installments_type_0_item_data)

                    installments_type_0.append(installments_type_0_item)

                return installments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InstallmentRequest] | None | Unset, data)

        installments = _parse_installments(d.pop("installments", UNSET))

        def _parse_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))

        create_arrangement_request = cls(
            kind=kind,
            amount=amount,
            count=count,
            due_on=due_on,
            first_due_on=first_due_on,
            frequency=frequency,
            installments=installments,
            total=total,
        )

        return create_arrangement_request
