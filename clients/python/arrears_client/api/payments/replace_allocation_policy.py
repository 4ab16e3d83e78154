from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.allocation_policy import AllocationPolicy
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: AllocationPolicy,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/allocation-policy",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AllocationPolicy | Problem | None:
    if response.status_code == 200:
        response_200 = AllocationPolicy.from_dict(response.json())

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
) -> Response[AllocationPolicy | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AllocationPolicy,
) -> Response[AllocationPolicy | Problem]:
    """Replace the allocation policy

     Replace the allocation policy (head): `order` names each of the four parts once (422
    otherwise). Audited. Payments recorded before keep the split they were given, and a
    reversal restores exactly that split.

    Args:
        body (AllocationPolicy): The order a payment pays the parts in (`GET|PUT /v1/allocation-
            policy`). Example: {'order': ['costs', 'fees', 'interest', 'principal']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationPolicy | Problem]
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
    body: AllocationPolicy,
) -> AllocationPolicy | Problem | None:
    """Replace the allocation policy

     Replace the allocation policy (head): `order` names each of the four parts once (422
    otherwise). Audited. Payments recorded before keep the split they were given, and a
    reversal restores exactly that split.

    Args:
        body (AllocationPolicy): The order a payment pays the parts in (`GET|PUT /v1/allocation-
            policy`). Example: {'order': ['costs', 'fees', 'interest', 'principal']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationPolicy | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AllocationPolicy,
) -> Response[AllocationPolicy | Problem]:
    """Replace the allocation policy

     Replace the allocation policy (head): `order` names each of the four parts once (422
    otherwise). Audited. Payments recorded before keep the split they were given, and a
    reversal restores exactly that split.

    Args:
        body (AllocationPolicy): The order a payment pays the parts in (`GET|PUT /v1/allocation-
            policy`). Example: {'order': ['costs', 'fees', 'interest', 'principal']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationPolicy | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AllocationPolicy,
) -> AllocationPolicy | Problem | None:
    """Replace the allocation policy

     Replace the allocation policy (head): `order` names each of the four parts once (422
    otherwise). Audited. Payments recorded before keep the split they were given, and a
    reversal restores exactly that split.

    Args:
        body (AllocationPolicy): The order a payment pays the parts in (`GET|PUT /v1/allocation-
            policy`). Example: {'order': ['costs', 'fees', 'interest', 'principal']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationPolicy | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
