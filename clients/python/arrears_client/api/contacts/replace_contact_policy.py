from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_policy import ContactPolicy
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ContactPolicy,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/contact-policy",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactPolicy | Problem | None:
    if response.status_code == 200:
        response_200 = ContactPolicy.from_dict(response.json())

        return response_200

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContactPolicy | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ContactPolicy,
) -> Response[ContactPolicy | Problem]:
    """Replace the contact policy

     Replace the contact policy (head). Regulation F is the floor: 422 naming the field for an
    `attempt_cap` above 7, a `window_days` or `lockout_days` below 7, calling hours starting
    before 08:00 or ending after 21:00, and a region override looser than the base policy (a
    region may only tighten it). Audited. A policy stored below the floor (before it was
    enforced) is raised to it at start-up, with an audit event naming each field.

    Args:
        body (ContactPolicy): The contact policy: base rules and region overrides. Example:
            {'attempt_cap': 7, 'calling_end': '21:00:00', 'calling_start': '08:00:00', 'lockout_days':
            7, 'regions': {'MA': {'attempt_cap': 2}}, 'window_days': 7}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPolicy | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ContactPolicy,
) -> ContactPolicy | Problem | None:
    """Replace the contact policy

     Replace the contact policy (head). Regulation F is the floor: 422 naming the field for an
    `attempt_cap` above 7, a `window_days` or `lockout_days` below 7, calling hours starting
    before 08:00 or ending after 21:00, and a region override looser than the base policy (a
    region may only tighten it). Audited. A policy stored below the floor (before it was
    enforced) is raised to it at start-up, with an audit event naming each field.

    Args:
        body (ContactPolicy): The contact policy: base rules and region overrides. Example:
            {'attempt_cap': 7, 'calling_end': '21:00:00', 'calling_start': '08:00:00', 'lockout_days':
            7, 'regions': {'MA': {'attempt_cap': 2}}, 'window_days': 7}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPolicy | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ContactPolicy,
) -> Response[ContactPolicy | Problem]:
    """Replace the contact policy

     Replace the contact policy (head). Regulation F is the floor: 422 naming the field for an
    `attempt_cap` above 7, a `window_days` or `lockout_days` below 7, calling hours starting
    before 08:00 or ending after 21:00, and a region override looser than the base policy (a
    region may only tighten it). Audited. A policy stored below the floor (before it was
    enforced) is raised to it at start-up, with an audit event naming each field.

    Args:
        body (ContactPolicy): The contact policy: base rules and region overrides. Example:
            {'attempt_cap': 7, 'calling_end': '21:00:00', 'calling_start': '08:00:00', 'lockout_days':
            7, 'regions': {'MA': {'attempt_cap': 2}}, 'window_days': 7}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPolicy | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ContactPolicy,
) -> ContactPolicy | Problem | None:
    """Replace the contact policy

     Replace the contact policy (head). Regulation F is the floor: 422 naming the field for an
    `attempt_cap` above 7, a `window_days` or `lockout_days` below 7, calling hours starting
    before 08:00 or ending after 21:00, and a region override looser than the base policy (a
    region may only tighten it). Audited. A policy stored below the floor (before it was
    enforced) is raised to it at start-up, with an audit event naming each field.

    Args:
        body (ContactPolicy): The contact policy: base rules and region overrides. Example:
            {'attempt_cap': 7, 'calling_end': '21:00:00', 'calling_start': '08:00:00', 'lockout_days':
            7, 'regions': {'MA': {'attempt_cap': 2}}, 'window_days': 7}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPolicy | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
