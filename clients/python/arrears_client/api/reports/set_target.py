from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.target import Target
from ...models.target_request import TargetRequest
from ...types import Response


def _get_kwargs(
    *,
    body: TargetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/targets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Target | None:
    if response.status_code == 200:
        response_200 = Target.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Target]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TargetRequest,
) -> Response[Problem | Target]:
    """Set a monthly collection target

     Set a monthly collection target (team lead for their team and its agents; manager, head any).

    Args:
        body (TargetRequest): A target to set. Example: {'collected_amount': 5000000, 'currency':
            'USD', 'period': '2026-11', 'scope': 'agent', 'subject_id': 12}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Target]
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
    body: TargetRequest,
) -> Problem | Target | None:
    """Set a monthly collection target

     Set a monthly collection target (team lead for their team and its agents; manager, head any).

    Args:
        body (TargetRequest): A target to set. Example: {'collected_amount': 5000000, 'currency':
            'USD', 'period': '2026-11', 'scope': 'agent', 'subject_id': 12}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Target
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TargetRequest,
) -> Response[Problem | Target]:
    """Set a monthly collection target

     Set a monthly collection target (team lead for their team and its agents; manager, head any).

    Args:
        body (TargetRequest): A target to set. Example: {'collected_amount': 5000000, 'currency':
            'USD', 'period': '2026-11', 'scope': 'agent', 'subject_id': 12}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Target]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TargetRequest,
) -> Problem | Target | None:
    """Set a monthly collection target

     Set a monthly collection target (team lead for their team and its agents; manager, head any).

    Args:
        body (TargetRequest): A target to set. Example: {'collected_amount': 5000000, 'currency':
            'USD', 'period': '2026-11', 'scope': 'agent', 'subject_id': 12}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Target
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
