from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.remedy import Remedy
from ..models.root_cause import RootCause
from ..types import UNSET, Unset

T = TypeVar("T", bound="CloseComplaintRequest")


@_attrs_define
class CloseComplaintRequest:
    """Findings of a closing.

    Example:
        {'justified': True, 'monetary_relief': 2500, 'remedy': 'monetary', 'response': 'The fee is removed from your
            balance.', 'root_cause': 'client_error'}

    Attributes:
        justified (bool):
        remedy (Remedy): What the debtor got. Example: monetary.
        root_cause (RootCause): Why it happened, found when it is closed. Example: agent_error.
        monetary_relief (int | None | Unset): Minor units, > 0, exactly when `remedy` is `monetary`.
        response (None | str | Unset): The final response (kept as the complaint's `response`).
    """

    justified: bool
    remedy: Remedy
    root_cause: RootCause
    monetary_relief: int | None | Unset = UNSET
    response: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        justified = self.justified

        remedy = self.remedy.value

        root_cause = self.root_cause.value

        monetary_relief: int | None | Unset
        if isinstance(self.monetary_relief, Unset):
            monetary_relief = UNSET
        else:
            monetary_relief = self.monetary_relief

        response: None | str | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        else:
            response = self.response

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "justified": justified,
                "remedy": remedy,
                "root_cause": root_cause,
            }
        )
        if monetary_relief is not UNSET:
            field_dict["monetary_relief"] = monetary_relief
        if response is not UNSET:
            field_dict["response"] = response

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        justified = d.pop("justified")

        remedy = Remedy(d.pop("remedy"))

        root_cause = RootCause(d.pop("root_cause"))

        def _parse_monetary_relief(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        monetary_relief = _parse_monetary_relief(d.pop("monetary_relief", UNSET))

        def _parse_response(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response = _parse_response(d.pop("response", UNSET))

        close_complaint_request = cls(
            justified=justified,
            remedy=remedy,
            root_cause=root_cause,
            monetary_relief=monetary_relief,
            response=response,
        )

        return close_complaint_request
