from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.create_contact_request import CreateContactRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: CreateContactRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/{id}/contacts".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Contact | Problem | None:
    if response.status_code == 201:
        response_201 = Contact.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())

        return response_431

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Contact | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CreateContactRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Contact | Problem]:
    """Log a contact (agent and above, within scope).

     An outbound contact the Regulation F rules refuse answers 409 `contact-not-permitted` with
    every reason and, when only time stands in the way, `next_allowed_at`; nothing is stored but
    the refusal's audit event. Inbound contacts are always recorded. A call in the hour of a
    call-back the debtor asked for (`callback_requested` with `follow_up_at`, on or before the 7th
    local day) is allowed on their consent despite the cap, the lock-out and the hours, once, and
    answers `consented: true`; `busy` and `disconnected` calls are not attempts. Side effects in the
    same
    transaction: `promise_to_pay` creates a promise arrangement, `dispute` opens a dispute,
    `cease_request` sets the debtor's `cease_communication`, `wrong_number` / `disconnected` mark
    the phone invalid, `deceased` / `bankruptcy` flag the account for the team lead.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreateContactRequest): A contact to log. Example: {'channel': 'phone', 'direction':
            'outbound', 'duration_seconds': 240, 'notes': 'will pay Friday', 'outcome':
            'promise_to_pay', 'promise': {'amount': 25000, 'due_on': '2026-11-27'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CreateContactRequest,
    idempotency_key: str | Unset = UNSET,
) -> Contact | Problem | None:
    """Log a contact (agent and above, within scope).

     An outbound contact the Regulation F rules refuse answers 409 `contact-not-permitted` with
    every reason and, when only time stands in the way, `next_allowed_at`; nothing is stored but
    the refusal's audit event. Inbound contacts are always recorded. A call in the hour of a
    call-back the debtor asked for (`callback_requested` with `follow_up_at`, on or before the 7th
    local day) is allowed on their consent despite the cap, the lock-out and the hours, once, and
    answers `consented: true`; `busy` and `disconnected` calls are not attempts. Side effects in the
    same
    transaction: `promise_to_pay` creates a promise arrangement, `dispute` opens a dispute,
    `cease_request` sets the debtor's `cease_communication`, `wrong_number` / `disconnected` mark
    the phone invalid, `deceased` / `bankruptcy` flag the account for the team lead.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreateContactRequest): A contact to log. Example: {'channel': 'phone', 'direction':
            'outbound', 'duration_seconds': 240, 'notes': 'will pay Friday', 'outcome':
            'promise_to_pay', 'promise': {'amount': 25000, 'due_on': '2026-11-27'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CreateContactRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Contact | Problem]:
    """Log a contact (agent and above, within scope).

     An outbound contact the Regulation F rules refuse answers 409 `contact-not-permitted` with
    every reason and, when only time stands in the way, `next_allowed_at`; nothing is stored but
    the refusal's audit event. Inbound contacts are always recorded. A call in the hour of a
    call-back the debtor asked for (`callback_requested` with `follow_up_at`, on or before the 7th
    local day) is allowed on their consent despite the cap, the lock-out and the hours, once, and
    answers `consented: true`; `busy` and `disconnected` calls are not attempts. Side effects in the
    same
    transaction: `promise_to_pay` creates a promise arrangement, `dispute` opens a dispute,
    `cease_request` sets the debtor's `cease_communication`, `wrong_number` / `disconnected` mark
    the phone invalid, `deceased` / `bankruptcy` flag the account for the team lead.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreateContactRequest): A contact to log. Example: {'channel': 'phone', 'direction':
            'outbound', 'duration_seconds': 240, 'notes': 'will pay Friday', 'outcome':
            'promise_to_pay', 'promise': {'amount': 25000, 'due_on': '2026-11-27'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CreateContactRequest,
    idempotency_key: str | Unset = UNSET,
) -> Contact | Problem | None:
    """Log a contact (agent and above, within scope).

     An outbound contact the Regulation F rules refuse answers 409 `contact-not-permitted` with
    every reason and, when only time stands in the way, `next_allowed_at`; nothing is stored but
    the refusal's audit event. Inbound contacts are always recorded. A call in the hour of a
    call-back the debtor asked for (`callback_requested` with `follow_up_at`, on or before the 7th
    local day) is allowed on their consent despite the cap, the lock-out and the hours, once, and
    answers `consented: true`; `busy` and `disconnected` calls are not attempts. Side effects in the
    same
    transaction: `promise_to_pay` creates a promise arrangement, `dispute` opens a dispute,
    `cease_request` sets the debtor's `cease_communication`, `wrong_number` / `disconnected` mark
    the phone invalid, `deceased` / `bankruptcy` flag the account for the team lead.

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreateContactRequest): A contact to log. Example: {'channel': 'phone', 'direction':
            'outbound', 'duration_seconds': 240, 'notes': 'will pay Friday', 'outcome':
            'promise_to_pay', 'promise': {'amount': 25000, 'due_on': '2026-11-27'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
