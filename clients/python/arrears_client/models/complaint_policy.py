from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ComplaintPolicy")


@_attrs_define
class ComplaintPolicy:
    """Days to respond, per source (`GET|PUT /v1/complaint-policy`).

    Example:
        {'cfpb': 15, 'client': 30, 'direct': 30, 'other': 30, 'state_regulator': 30}

    Attributes:
        cfpb (int):
        client (int):
        direct (int):
        other (int):
        state_regulator (int):
    """

    cfpb: int
    client: int
    direct: int
    other: int
    state_regulator: int

    def to_dict(self) -> dict[str, Any]:
        cfpb = self.cfpb

        client = self.client

        direct = self.direct

        other = self.other

        state_regulator = self.state_regulator

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cfpb": cfpb,
                "client": client,
                "direct": direct,
                "other": other,
                "state_regulator": state_regulator,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cfpb = d.pop("cfpb")

        client = d.pop("client")

        direct = d.pop("direct")

        other = d.pop("other")

        state_regulator = d.pop("state_regulator")

        complaint_policy = cls(
            cfpb=cfpb,
            client=client,
            direct=direct,
            other=other,
            state_regulator=state_regulator,
        )

        return complaint_policy
