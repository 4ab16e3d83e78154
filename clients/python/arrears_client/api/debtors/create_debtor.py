from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_debtor_request import CreateDebtorRequest
from ...models.debtor import Debtor
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateDebtorRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/debtors",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Debtor | Problem | None:
    if response.status_code == 201:
        response_201 = Debtor.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Debtor | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDebtorRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Debtor | Problem]:
    """Register a debtor

     Register a debtor (manager, head).

    Args:
        idempotency_key (str | Unset):
        body (CreateDebtorRequest): A new debtor. Example: {'email': 'jordan@example.com',
            'external_ref': 'CUST-0042', 'name': 'Jordan Reyes', 'phone': '(612) 555-0123', 'region':
            'MN', 'timezone': 'America/Chicago'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Debtor | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDebtorRequest,
    idempotency_key: str | Unset = UNSET,
) -> Debtor | Problem | None:
    """Register a debtor

     Register a debtor (manager, head).

    Args:
        idempotency_key (str | Unset):
        body (CreateDebtorRequest): A new debtor. Example: {'email': 'jordan@example.com',
            'external_ref': 'CUST-0042', 'name': 'Jordan Reyes', 'phone': '(612) 555-0123', 'region':
            'MN', 'timezone': 'America/Chicago'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Debtor | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDebtorRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Debtor | Problem]:
    """Register a debtor

     Register a debtor (manager, head).

    Args:
        idempotency_key (str | Unset):
        body (CreateDebtorRequest): A new debtor. Example: {'email': 'jordan@example.com',
            'external_ref': 'CUST-0042', 'name': 'Jordan Reyes', 'phone': '(612) 555-0123', 'region':
            'MN', 'timezone': 'America/Chicago'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Debtor | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateDebtorRequest,
    idempotency_key: str | Unset = UNSET,
) -> Debtor | Problem | None:
    """Register a debtor

     Register a debtor (manager, head).

    Args:
        idempotency_key (str | Unset):
        body (CreateDebtorRequest): A new debtor. Example: {'email': 'jordan@example.com',
            'external_ref': 'CUST-0042', 'name': 'Jordan Reyes', 'phone': '(612) 555-0123', 'region':
            'MN', 'timezone': 'America/Chicago'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Debtor | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
