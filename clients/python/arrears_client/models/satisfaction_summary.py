from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SatisfactionSummary")


@_attrs_define
class SatisfactionSummary:
    """Survey answers of the period.

    Example:
        {'average_score': 4.11, 'csat': 0.7778, 'responses': 9}

    Attributes:
        responses (int):
        average_score (float | None | Unset):
        csat (float | None | Unset): Share of 4s and 5s.
    """

    responses: int
    average_score: float | None | Unset = UNSET
    csat: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "responses": responses,
            }
        )
        if average_score is not UNSET:
            field_dict["average_score"] = average_score
        if csat is not UNSET:
            field_dict["csat"] = csat

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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

        satisfaction_summary = cls(
            responses=responses,
            average_score=average_score,
            csat=csat,
        )

        satisfaction_summary.additional_properties = d
        return satisfaction_summary

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
