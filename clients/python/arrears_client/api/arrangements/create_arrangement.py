from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.arrangement import Arrangement
from ...models.create_arrangement_request import CreateArrangementRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: CreateArrangementRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/{id}/arrangements".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Arrangement | Problem | None:
    if response.status_code == 201:
        response_201 = Arrangement.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Arrangement | Problem]:
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
    body: CreateArrangementRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Arrangement | Problem]:
    """Set up a payment plan or a promise to pay (agent and above, within scope).

     The account must be `open` (409 `arrangement-exists` when it already has an active or pending
    arrangement, `account-not-open` otherwise) and moves to `in_arrangement`. A plan longer than
    the caller may set up is answered 201 with status `pending_approval` and waits for an approval
    (see the approvals).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreateArrangementRequest): A new arrangement, in one of three shapes:
            - `{"kind": "plan", "installments": [{"due_on", "amount"}, …]}`
            - `{"kind": "plan", "total", "count", "frequency", "first_due_on"}` (remainder cents on
            the last installment)
            - `{"kind": "promise", "amount", "due_on"}`

            Due dates ascending and not in the past, amounts > 0, total ≤ balance, at most 60
            installments (422 otherwise). A plan longer than your role may set up without approval
            (the
            approval policy's `plan_max_installments`: agent 12, team lead 24, manager 60 by default)
            is
            created `pending_approval`, with an approval request for the tier that may allow it.
            Example: {'count': 3, 'first_due_on': '2026-12-15', 'frequency': 'monthly', 'kind':
            'plan', 'total': 75000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Arrangement | Problem]
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
    body: CreateArrangementRequest,
    idempotency_key: str | Unset = UNSET,
) -> Arrangement | Problem | None:
    """Set up a payment plan or a promise to pay (agent and above, within scope).

     The account must be `open` (409 `arrangement-exists` when it already has an active or pending
    arrangement, `account-not-open` otherwise) and moves to `in_arrangement`. A plan longer than
    the caller may set up is answered 201 with status `pending_approval` and waits for an approval
    (see the approvals).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreateArrangementRequest): A new arrangement, in one of three shapes:
            - `{"kind": "plan", "installments": [{"due_on", "amount"}, …]}`
            - `{"kind": "plan", "total", "count", "frequency", "first_due_on"}` (remainder cents on
            the last installment)
            - `{"kind": "promise", "amount", "due_on"}`

            Due dates ascending and not in the past, amounts > 0, total ≤ balance, at most 60
            installments (422 otherwise). A plan longer than your role may set up without approval
            (the
            approval policy's `plan_max_installments`: agent 12, team lead 24, manager 60 by default)
            is
            created `pending_approval`, with an approval request for the tier that may allow it.
            Example: {'count': 3, 'first_due_on': '2026-12-15', 'frequency': 'monthly', 'kind':
            'plan', 'total': 75000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Arrangement | Problem
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
    body: CreateArrangementRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Arrangement | Problem]:
    """Set up a payment plan or a promise to pay (agent and above, within scope).

     The account must be `open` (409 `arrangement-exists` when it already has an active or pending
    arrangement, `account-not-open` otherwise) and moves to `in_arrangement`. A plan longer than
    the caller may set up is answered 201 with status `pending_approval` and waits for an approval
    (see the approvals).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreateArrangementRequest): A new arrangement, in one of three shapes:
            - `{"kind": "plan", "installments": [{"due_on", "amount"}, …]}`
            - `{"kind": "plan", "total", "count", "frequency", "first_due_on"}` (remainder cents on
            the last installment)
            - `{"kind": "promise", "amount", "due_on"}`

            Due dates ascending and not in the past, amounts > 0, total ≤ balance, at most 60
            installments (422 otherwise). A plan longer than your role may set up without approval
            (the
            approval policy's `plan_max_installments`: agent 12, team lead 24, manager 60 by default)
            is
            created `pending_approval`, with an approval request for the tier that may allow it.
            Example: {'count': 3, 'first_due_on': '2026-12-15', 'frequency': 'monthly', 'kind':
            'plan', 'total': 75000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Arrangement | Problem]
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
    body: CreateArrangementRequest,
    idempotency_key: str | Unset = UNSET,
) -> Arrangement | Problem | None:
    """Set up a payment plan or a promise to pay (agent and above, within scope).

     The account must be `open` (409 `arrangement-exists` when it already has an active or pending
    arrangement, `account-not-open` otherwise) and moves to `in_arrangement`. A plan longer than
    the caller may set up is answered 201 with status `pending_approval` and waits for an approval
    (see the approvals).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (CreateArrangementRequest): A new arrangement, in one of three shapes:
            - `{"kind": "plan", "installments": [{"due_on", "amount"}, …]}`
            - `{"kind": "plan", "total", "count", "frequency", "first_due_on"}` (remainder cents on
            the last installment)
            - `{"kind": "promise", "amount", "due_on"}`

            Due dates ascending and not in the past, amounts > 0, total ≤ balance, at most 60
            installments (422 otherwise). A plan longer than your role may set up without approval
            (the
            approval policy's `plan_max_installments`: agent 12, team lead 24, manager 60 by default)
            is
            created `pending_approval`, with an approval request for the tier that may allow it.
            Example: {'count': 3, 'first_due_on': '2026-12-15', 'frequency': 'monthly', 'kind':
            'plan', 'total': 75000}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Arrangement | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
