from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.refresh_request import RefreshRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RefreshRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/logout",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RefreshRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Sign out: revoke a refresh token and every token refreshed from the same sign-in.

     Answers 204 whether or not the token was known, so it can be retried freely.

    Args:
        idempotency_key (str | Unset):
        body (RefreshRequest): A refresh token, for refresh and sign-out. Example:
            {'refresh_token': '3q2-7wAAAAB0aGlzIGlzIGFuIGV4YW1wbGU'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: RefreshRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | Problem | None:
    """Sign out: revoke a refresh token and every token refreshed from the same sign-in.

     Answers 204 whether or not the token was known, so it can be retried freely.

    Args:
        idempotency_key (str | Unset):
        body (RefreshRequest): A refresh token, for refresh and sign-out. Example:
            {'refresh_token': '3q2-7wAAAAB0aGlzIGlzIGFuIGV4YW1wbGU'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RefreshRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Sign out: revoke a refresh token and every token refreshed from the same sign-in.

     Answers 204 whether or not the token was known, so it can be retried freely.

    Args:
        idempotency_key (str | Unset):
        body (RefreshRequest): A refresh token, for refresh and sign-out. Example:
            {'refresh_token': '3q2-7wAAAAB0aGlzIGlzIGFuIGV4YW1wbGU'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: RefreshRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | Problem | None:
    """Sign out: revoke a refresh token and every token refreshed from the same sign-in.

     Answers 204 whether or not the token was known, so it can be retried freely.

    Args:
        idempotency_key (str | Unset):
        body (RefreshRequest): A refresh token, for refresh and sign-out. Example:
            {'refresh_token': '3q2-7wAAAAB0aGlzIGlzIGFuIGV4YW1wbGU'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
