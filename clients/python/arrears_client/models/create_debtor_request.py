from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateDebtorRequest")


@_attrs_define
class CreateDebtorRequest:
    """A new debtor.

    Example:
        {'email': 'jordan@example.com', 'external_ref': 'CUST-0042', 'name': 'Jordan Reyes', 'phone': '(612) 555-0123',
            'region': 'MN', 'timezone': 'America/Chicago'}

    Attributes:
        name (str):
        timezone (str): IANA time zone, e.g. `America/Chicago` (422 when unknown). Example: America/Chicago.
        additional_timezones (list[str] | Unset): Other time zones the debtor may be in (IANA names, at most 5): calls
            must also fall
            within calling hours there (12 CFR 1006.6(b)(1)(i)). Example: ['America/Chicago'].
        email (None | str | Unset):
        external_ref (None | str | Unset): The placing client's reference (unique; 409 `debtor-ref-taken`).
        phone (None | str | Unset): Any common notation; stored in E.164 (US assumed without a country code). 422 when
            not a valid number.
        region (None | str | Unset): Region code such as a US state (`MA`).
    """

    name: str
    timezone: str
    additional_timezones: list[str] | Unset = UNSET
    email: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    region: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        timezone = self.timezone

        additional_timezones: list[str] | Unset = UNSET
        if not isinstance(self.additional_timezones, Unset):
            additional_timezones = self.additional_timezones

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "timezone": timezone,
            }
        )
        if additional_timezones is not UNSET:
            field_dict["additional_timezones"] = additional_timezones
        if email is not UNSET:
            field_dict["email"] = email
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if phone is not UNSET:
            field_dict["phone"] = phone
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        timezone = d.pop("timezone")

        additional_timezones = cast(list[str], d.pop("additional_timezones", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        create_debtor_request = cls(
            name=name,
            timezone=timezone,
            additional_timezones=additional_timezones,
            email=email,
            external_ref=external_ref,
            phone=phone,
            region=region,
        )

        return create_debtor_request
