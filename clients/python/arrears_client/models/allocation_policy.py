from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.component import Component

T = TypeVar("T", bound="AllocationPolicy")


@_attrs_define
class AllocationPolicy:
    """The order a payment pays the parts in (`GET|PUT /v1/allocation-policy`).

    Example:
        {'order': ['costs', 'fees', 'interest', 'principal']}

    Attributes:
        order (list[Component]): Every part once, first paid first.
    """

    order: list[Component]

    def to_dict(self) -> dict[str, Any]:
        order = []
        for order_item_data in self.order:
            order_item = order_item_data.value
            order.append(order_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "order": order,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order = []
        _order = d.pop("order")
        for order_item_data in _order:
            order_item = Component(order_item_data)

            order.append(order_item)

        allocation_policy = cls(
            order=order,
        )

        return allocation_policy
