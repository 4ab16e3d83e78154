from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.criteria import Criteria
    from ..models.step import Step


T = TypeVar("T", bound="Segment")


@_attrs_define
class Segment:
    """A segment: criteria and what happens to the accounts it takes.

    Example:
        {'criteria': {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'call', 'day': 0}, {'action':
            'sms', 'day': 3, 'template': 'reminder-1'}]}

    Attributes:
        criteria (Criteria): Which accounts a segment takes: every given bound must hold (an absent one always does).
            Example: {'max_days_past_due': 90, 'min_balance': 10000, 'min_days_past_due': 31, 'portfolios': ['cards']}.
        name (str):
        treatment (list[Step]):
    """

    criteria: Criteria
    name: str
    treatment: list[Step]

    def to_dict(self) -> dict[str, Any]:
        criteria = self.criteria.to_dict()

        name = self.name

        treatment = []
        for treatment_item_data in self.treatment:
            treatment_item = treatment_item_data.to_dict()
            treatment.append(treatment_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "criteria": criteria,
                "name": name,
                "treatment": treatment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criteria import Criteria  # noqa: PLC0415
        from ..models.step import Step  # noqa: PLC0415

        d = dict(src_dict)
        criteria = Criteria.from_dict(d.pop("criteria"))

        name = d.pop("name")

        treatment = []
        _treatment = d.pop("treatment")
        for treatment_item_data in _treatment:
            treatment_item = Step.from_dict(treatment_item_data)

            treatment.append(treatment_item)

        segment = cls(
            criteria=criteria,
            name=name,
            treatment=treatment,
        )

        return segment
