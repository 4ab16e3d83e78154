from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateDebtorRequest")


@_attrs_define
class UpdateDebtorRequest:
    """Changes to a debtor; omitted fields stay. Contact restrictions can be set by anyone who works
    the debtor's accounts; lifting one (`true` → `false`) takes a manager or head.

        Example:
            {'do_not_call': True}

        Attributes:
            additional_timezones (list[str] | None | Unset): Replaces the other time zones the debtor may be in (`[]`
                removes them). Example: ['America/Chicago'].
            attorney_represented (bool | None | Unset):
            cease_communication (bool | None | Unset):
            do_not_call (bool | None | Unset):
            do_not_email (bool | None | Unset):
            do_not_sms (bool | None | Unset):
            email (None | str | Unset):
            name (None | str | Unset):
            phone (None | str | Unset): A new number (E.164 stored), or `null` to remove it.
            region (None | str | Unset):
            timezone (None | str | Unset):  Example: America/New_York.
    """

    additional_timezones: list[str] | None | Unset = UNSET
    attorney_represented: bool | None | Unset = UNSET
    cease_communication: bool | None | Unset = UNSET
    do_not_call: bool | None | Unset = UNSET
    do_not_email: bool | None | Unset = UNSET
    do_not_sms: bool | None | Unset = UNSET
    email: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    timezone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        additional_timezones: list[str] | None | Unset
        if isinstance(self.additional_timezones, Unset):
            additional_timezones = UNSET
        elif isinstance(self.additional_timezones, list):
            additional_timezones = self.additional_timezones

        else:
            additional_timezones = self.additional_timezones

        attorney_represented: bool | None | Unset
        if isinstance(self.attorney_represented, Unset):
            attorney_represented = UNSET
        else:
            attorney_represented = self.attorney_represented

        cease_communication: bool | None | Unset
        if isinstance(self.cease_communication, Unset):
            cease_communication = UNSET
        else:
            cease_communication = self.cease_communication

        do_not_call: bool | None | Unset
        if isinstance(self.do_not_call, Unset):
            do_not_call = UNSET
        else:
            do_not_call = self.do_not_call

        do_not_email: bool | None | Unset
        if isinstance(self.do_not_email, Unset):
            do_not_email = UNSET
        else:
            do_not_email = self.do_not_email

        do_not_sms: bool | None | Unset
        if isinstance(self.do_not_sms, Unset):
            do_not_sms = UNSET
        else:
            do_not_sms = self.do_not_sms

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if additional_timezones is not UNSET:
            field_dict["additional_timezones"] = additional_timezones
        if attorney_represented is not UNSET:
            field_dict["attorney_represented"] = attorney_represented
        if cease_communication is not UNSET:
            field_dict["cease_communication"] = cease_communication
        if do_not_call is not UNSET:
            field_dict["do_not_call"] = do_not_call
        if do_not_email is not UNSET:
            field_dict["do_not_email"] = do_not_email
        if do_not_sms is not UNSET:
            field_dict["do_not_sms"] = do_not_sms
        if email is not UNSET:
            field_dict["email"] = email
        if name is not UNSET:
            field_dict["name"] = name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if region is not UNSET:
            field_dict["region"] = region
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_additional_timezones(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                additional_timezones_type_0 = cast(list[str], data)

                return additional_timezones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        additional_timezones = _parse_additional_timezones(d.pop("additional_timezones", UNSET))

        def _parse_attorney_represented(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        attorney_represented = _parse_attorney_represented(d.pop("attorney_represented", UNSET))

        def _parse_cease_communication(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cease_communication = _parse_cease_communication(d.pop("cease_communication", UNSET))

        def _parse_do_not_call(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        do_not_call = _parse_do_not_call(d.pop("do_not_call", UNSET))

        def _parse_do_not_email(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        do_not_email = _parse_do_not_email(d.pop("do_not_email", UNSET))

        def _parse_do_not_sms(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        do_not_sms = _parse_do_not_sms(d.pop("do_not_sms", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        update_debtor_request = cls(
            additional_timezones=additional_timezones,
            attorney_represented=attorney_represented,
            cease_communication=cease_communication,
            do_not_call=do_not_call,
            do_not_email=do_not_email,
            do_not_sms=do_not_sms,
            email=email,
            name=name,
            phone=phone,
            region=region,
            timezone=timezone,
        )

        return update_debtor_request
