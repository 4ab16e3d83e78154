from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assign_request import AssignRequest
from ...models.assignment_list import AssignmentList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AssignRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/assignments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssignmentList | Problem | None:
    if response.status_code == 201:
        response_201 = AssignmentList.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AssignmentList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AssignRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[AssignmentList | Problem]:
    """Assign accounts to an agent (team lead within their team; manager and head anywhere).

     Ends each account's current assignment; the history is kept. All or nothing: an account
    outside your scope answers 404 and nothing is assigned. `Location` is the assignee's accounts
    (`/v1/accounts?assignee_id=…`), where the assigned accounts now are.

    Args:
        idempotency_key (str | Unset):
        body (AssignRequest): Accounts to give to an agent. Example: {'account_ids': [101, 102,
            103], 'assignee_id': 12}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentList | Problem]
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
    body: AssignRequest,
    idempotency_key: str | Unset = UNSET,
) -> AssignmentList | Problem | None:
    """Assign accounts to an agent (team lead within their team; manager and head anywhere).

     Ends each account's current assignment; the history is kept. All or nothing: an account
    outside your scope answers 404 and nothing is assigned. `Location` is the assignee's accounts
    (`/v1/accounts?assignee_id=…`), where the assigned accounts now are.

    Args:
        idempotency_key (str | Unset):
        body (AssignRequest): Accounts to give to an agent. Example: {'account_ids': [101, 102,
            103], 'assignee_id': 12}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentList | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AssignRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[AssignmentList | Problem]:
    """Assign accounts to an agent (team lead within their team; manager and head anywhere).

     Ends each account's current assignment; the history is kept. All or nothing: an account
    outside your scope answers 404 and nothing is assigned. `Location` is the assignee's accounts
    (`/v1/accounts?assignee_id=…`), where the assigned accounts now are.

    Args:
        idempotency_key (str | Unset):
        body (AssignRequest): Accounts to give to an agent. Example: {'account_ids': [101, 102,
            103], 'assignee_id': 12}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentList | Problem]
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
    body: AssignRequest,
    idempotency_key: str | Unset = UNSET,
) -> AssignmentList | Problem | None:
    """Assign accounts to an agent (team lead within their team; manager and head anywhere).

     Ends each account's current assignment; the history is kept. All or nothing: an account
    outside your scope answers 404 and nothing is assigned. `Location` is the assignee's accounts
    (`/v1/accounts?assignee_id=…`), where the assigned accounts now are.

    Args:
        idempotency_key (str | Unset):
        body (AssignRequest): Accounts to give to an agent. Example: {'account_ids': [101, 102,
            103], 'assignee_id': 12}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
