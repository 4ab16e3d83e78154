from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Debtor")


@_attrs_define
class Debtor:
    """A person who owes: contact details and contact restrictions.

    Example:
        {'additional_timezones': [], 'attorney_represented': False, 'cease_communication': False, 'created_at':
            '2026-11-22T14:03:00.000000Z', 'do_not_call': False, 'do_not_email': False, 'do_not_sms': False, 'email':
            'jordan@example.com', 'external_ref': 'CUST-0042', 'id': 7, 'name': 'Jordan Reyes', 'phone': '+16125550123',
            'phone_valid': True, 'region': 'MN', 'timezone': 'America/Chicago', 'updated_at': '2026-11-22T14:03:00.000000Z'}

    Attributes:
        additional_timezones (list[str]): Other time zones the debtor may be in (IANA names): calls must also fall
            within calling
            hours there, as in the zones of the phone number's area code.
        attorney_represented (bool): Represented by an attorney: contact the attorney, not the debtor.
        cease_communication (bool): The debtor asked that all communication stop.
        created_at (datetime.datetime):
        do_not_call (bool): The debtor asked not to be phoned.
        do_not_email (bool):
        do_not_sms (bool):
        id (int):
        name (str):
        phone_valid (bool): `false` once a call found the number wrong or disconnected.
        timezone (str): IANA time zone: calling hours are judged in it, and the debtor's local calendar days
            (attempt cap, lock-out) are counted in it.
        updated_at (datetime.datetime):
        email (None | str | Unset):
        external_ref (None | str | Unset): The placing client's reference; unique when set.
        phone (None | str | Unset): E.164.
        region (None | str | Unset): Region code (a US state such as `MA`): stricter contact rules may apply.
    """

    additional_timezones: list[str]
    attorney_represented: bool
    cease_communication: bool
    created_at: datetime.datetime
    do_not_call: bool
    do_not_email: bool
    do_not_sms: bool
    id: int
    name: str
    phone_valid: bool
    timezone: str
    updated_at: datetime.datetime
    email: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        additional_timezones = self.additional_timezones

        attorney_represented = self.attorney_represented

        cease_communication = self.cease_communication

        created_at = self.created_at.isoformat()

        do_not_call = self.do_not_call

        do_not_email = self.do_not_email

        do_not_sms = self.do_not_sms

        id = self.id

        name = self.name

        phone_valid = self.phone_valid

        timezone = self.timezone

        updated_at = self.updated_at.isoformat()

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "additional_timezones": additional_timezones,
                "attorney_represented": attorney_represented,
                "cease_communication": cease_communication,
                "created_at": created_at,
                "do_not_call": do_not_call,
                "do_not_email": do_not_email,
                "do_not_sms": do_not_sms,
                "id": id,
                "name": name,
                "phone_valid": phone_valid,
                "timezone": timezone,
                "updated_at": updated_at,
            }
        )
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
        additional_timezones = cast(list[str], d.pop("additional_timezones"))

        attorney_represented = d.pop("attorney_represented")

        cease_communication = d.pop("cease_communication")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        do_not_call = d.pop("do_not_call")

        do_not_email = d.pop("do_not_email")

        do_not_sms = d.pop("do_not_sms")

        id = d.pop("id")

        name = d.pop("name")

        phone_valid = d.pop("phone_valid")

        timezone = d.pop("timezone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        debtor = cls(
            additional_timezones=additional_timezones,
            attorney_represented=attorney_represented,
            cease_communication=cease_communication,
            created_at=created_at,
            do_not_call=do_not_call,
            do_not_email=do_not_email,
            do_not_sms=do_not_sms,
            id=id,
            name=name,
            phone_valid=phone_valid,
            timezone=timezone,
            updated_at=updated_at,
            email=email,
            external_ref=external_ref,
            phone=phone,
            region=region,
        )

        debtor.additional_properties = d
        return debtor

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
