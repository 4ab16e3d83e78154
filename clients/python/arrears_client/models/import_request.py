from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.import_row import ImportRow


T = TypeVar("T", bound="ImportRequest")


@_attrs_define
class ImportRequest:
    """Rows to place: 1 to 10,000 (bodies up to 32 MiB).

    Example:
        {'accounts': [{'balance': 182550, 'debtor': {'name': 'Jordan Reyes', 'timezone': 'America/Chicago'},
            'delinquent_since': '2026-08-14', 'external_ref': 'ACC-2026-000101', 'original_amount': 250000}]}

    Attributes:
        accounts (list[ImportRow]): Each row is checked on its own: a row that does not fit `ImportRow` (a missing
            field, a
            wrong type, a bad value) is answered in `results` with its problem, and does not stop the
            others, even a row that is not an object. Only an empty list or one of more than 10,000
            rows is refused as a whole (422).
    """

    accounts: list[ImportRow]

    def to_dict(self) -> dict[str, Any]:
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accounts": accounts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row import ImportRow  # noqa: PLC0415

        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in _accounts:
            accounts_item = ImportRow.from_dict(accounts_item_data)

            accounts.append(accounts_item)

        import_request = cls(
            accounts=accounts,
        )

        return import_request
