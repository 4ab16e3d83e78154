from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TokenRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

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
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """Sign in with email and password.

     An unknown email and a wrong password get the same 401. Failed attempts are counted in the
    database (so the limits hold across server instances) in three ways, each over 5 minutes:
    more than 10 for one email from one client address, more than 100 for one email from all
    addresses together, or more than 50 from one address across all emails answer 429 with
    `Retry-After`. A stranger therefore cannot lock a user out from elsewhere, and spraying many
    emails from one address is slowed. The client address is the TCP peer, or the nearest hop of
    `X-Forwarded-For` that is not one of the proxies named in `ARREARS_TRUSTED_PROXIES`.
    Passwords are checked on a small pool of their own: when it is saturated the answer is 503
    with `Retry-After`. `Idempotency-Key` is accepted but not stored here: the answer carries
    fresh secrets, and signing in twice is harmless.

    Args:
        idempotency_key (str | Unset):
        body (TokenRequest): Email and password. Example: {'email': 'agent@demo.arrears.dev',
            'password': 'arrears-demo-2026'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
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
    client: AuthenticatedClient,
    body: TokenRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """Sign in with email and password.

     An unknown email and a wrong password get the same 401. Failed attempts are counted in the
    database (so the limits hold across server instances) in three ways, each over 5 minutes:
    more than 10 for one email from one client address, more than 100 for one email from all
    addresses together, or more than 50 from one address across all emails answer 429 with
    `Retry-After`. A stranger therefore cannot lock a user out from elsewhere, and spraying many
    emails from one address is slowed. The client address is the TCP peer, or the nearest hop of
    `X-Forwarded-For` that is not one of the proxies named in `ARREARS_TRUSTED_PROXIES`.
    Passwords are checked on a small pool of their own: when it is saturated the answer is 503
    with `Retry-After`. `Idempotency-Key` is accepted but not stored here: the answer carries
    fresh secrets, and signing in twice is harmless.

    Args:
        idempotency_key (str | Unset):
        body (TokenRequest): Email and password. Example: {'email': 'agent@demo.arrears.dev',
            'password': 'arrears-demo-2026'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """Sign in with email and password.

     An unknown email and a wrong password get the same 401. Failed attempts are counted in the
    database (so the limits hold across server instances) in three ways, each over 5 minutes:
    more than 10 for one email from one client address, more than 100 for one email from all
    addresses together, or more than 50 from one address across all emails answer 429 with
    `Retry-After`. A stranger therefore cannot lock a user out from elsewhere, and spraying many
    emails from one address is slowed. The client address is the TCP peer, or the nearest hop of
    `X-Forwarded-For` that is not one of the proxies named in `ARREARS_TRUSTED_PROXIES`.
    Passwords are checked on a small pool of their own: when it is saturated the answer is 503
    with `Retry-After`. `Idempotency-Key` is accepted but not stored here: the answer carries
    fresh secrets, and signing in twice is harmless.

    Args:
        idempotency_key (str | Unset):
        body (TokenRequest): Email and password. Example: {'email': 'agent@demo.arrears.dev',
            'password': 'arrears-demo-2026'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """Sign in with email and password.

     An unknown email and a wrong password get the same 401. Failed attempts are counted in the
    database (so the limits hold across server instances) in three ways, each over 5 minutes:
    more than 10 for one email from one client address, more than 100 for one email from all
    addresses together, or more than 50 from one address across all emails answer 429 with
    `Retry-After`. A stranger therefore cannot lock a user out from elsewhere, and spraying many
    emails from one address is slowed. The client address is the TCP peer, or the nearest hop of
    `X-Forwarded-For` that is not one of the proxies named in `ARREARS_TRUSTED_PROXIES`.
    Passwords are checked on a small pool of their own: when it is saturated the answer is 503
    with `Retry-After`. `Idempotency-Key` is accepted but not stored here: the answer carries
    fresh secrets, and signing in twice is harmless.

    Args:
        idempotency_key (str | Unset):
        body (TokenRequest): Email and password. Example: {'email': 'agent@demo.arrears.dev',
            'password': 'arrears-demo-2026'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
