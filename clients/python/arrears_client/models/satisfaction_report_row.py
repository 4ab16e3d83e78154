from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SatisfactionReportRow")


@_attrs_define
class SatisfactionReportRow:
    """Survey answers of one group over the period.

    Example:
        {'average_score': 4.11, 'csat': 0.7778, 'group_id': 12, 'group_name': 'Arto Agent', 'responses': 9}

    Attributes:
        group_name (str):
        responses (int): Answers given in the period.
        average_score (float | None | Unset): Mean score (2 decimals).
        csat (float | None | Unset): Share of scores 4 and 5 (4 decimals).
        group_id (int | None | str | Unset):
    """

    group_name: str
    responses: int
    average_score: float | None | Unset = UNSET
    csat: float | None | Unset = UNSET
    group_id: int | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_name = self.group_name

        responses = self.responses

        average_score: float | None | Unset
        if isinstance(self.average_score, Unset):
            average_score = UNSET
        else:
            average_score = self.average_score

        csat: float | None | Unset
        if isinstance(self.csat, Unset):
            csat = UNSET
        else:
            csat = self.csat

        group_id: int | None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        else:
            group_id = self.group_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group_name": group_name,
                "responses": responses,
            }
        )
        if average_score is not UNSET:
            field_dict["average_score"] = average_score
        if csat is not UNSET:
            field_dict["csat"] = csat
        if group_id is not UNSET:
            field_dict["group_id"] = group_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group_name = d.pop("group_name")

        responses = d.pop("responses")

        def _parse_average_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_score = _parse_average_score(d.pop("average_score", UNSET))

        def _parse_csat(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        csat = _parse_csat(d.pop("csat", UNSET))

        def _parse_group_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        satisfaction_report_row = cls(
            group_name=group_name,
            responses=responses,
            average_score=average_score,
            csat=csat,
            group_id=group_id,
        )

        satisfaction_report_row.additional_properties = d
        return satisfaction_report_row

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
