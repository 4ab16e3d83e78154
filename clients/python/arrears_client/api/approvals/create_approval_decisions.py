from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_decision_request import BulkDecisionRequest
from ...models.bulk_decision_response import BulkDecisionResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BulkDecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/approvals/decisions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BulkDecisionResponse | Problem | None:
    if response.status_code == 200:
        response_200 = BulkDecisionResponse.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BulkDecisionResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkDecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[BulkDecisionResponse | Problem]:
    """Decide up to 100 requests at once

     Decide up to 100 requests at once; each is judged on its own and answered per item (the call
    itself answers 200).

    Args:
        idempotency_key (str | Unset):
        body (BulkDecisionRequest): Up to 100 decisions, each judged on its own. Example:
            {'decisions': [{'decision': 'approve', 'id': 8}, {'decision': 'reject', 'id': 9, 'note':
            'no'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkDecisionResponse | Problem]
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
    body: BulkDecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> BulkDecisionResponse | Problem | None:
    """Decide up to 100 requests at once

     Decide up to 100 requests at once; each is judged on its own and answered per item (the call
    itself answers 200).

    Args:
        idempotency_key (str | Unset):
        body (BulkDecisionRequest): Up to 100 decisions, each judged on its own. Example:
            {'decisions': [{'decision': 'approve', 'id': 8}, {'decision': 'reject', 'id': 9, 'note':
            'no'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkDecisionResponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkDecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[BulkDecisionResponse | Problem]:
    """Decide up to 100 requests at once

     Decide up to 100 requests at once; each is judged on its own and answered per item (the call
    itself answers 200).

    Args:
        idempotency_key (str | Unset):
        body (BulkDecisionRequest): Up to 100 decisions, each judged on its own. Example:
            {'decisions': [{'decision': 'approve', 'id': 8}, {'decision': 'reject', 'id': 9, 'note':
            'no'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkDecisionResponse | Problem]
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
    body: BulkDecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> BulkDecisionResponse | Problem | None:
    """Decide up to 100 requests at once

     Decide up to 100 requests at once; each is judged on its own and answered per item (the call
    itself answers 200).

    Args:
        idempotency_key (str | Unset):
        body (BulkDecisionRequest): Up to 100 decisions, each judged on its own. Example:
            {'decisions': [{'decision': 'approve', 'id': 8}, {'decision': 'reject', 'id': 9, 'note':
            'no'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkDecisionResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
