from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_request import ImportRequest
from ...models.import_response import ImportResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/import",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportResponse | Problem | None:
    if response.status_code == 200:
        response_200 = ImportResponse.from_dict(response.json())

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
) -> Response[ImportResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportResponse | Problem]:
    """Place up to 10,000 accounts, each with its debtor (manager, head).

     Upserts by `external_ref`: a new reference creates the account (status `open`); a known one
    updates its amounts, dates, portfolio, team and debtor details (`currency` cannot change, nor
    `balance` once the account has left `open`). A new `balance` is an adjustment of the
    principal with reason `placement_update` under the importer's `adjustment_max` (either
    sign): within it the row answers `updated`; beyond it `pending_approval` with the approval
    request's `approval_id`, the row's other fields applied at once. Answers 200 with one result
    per row, in order; a bad row changes nothing of itself and does not stop the others.

    Args:
        idempotency_key (str | Unset):
        body (ImportRequest): Rows to place: 1 to 10,000 (bodies up to 32 MiB). Example:
            {'accounts': [{'balance': 182550, 'debtor': {'name': 'Jordan Reyes', 'timezone':
            'America/Chicago'}, 'delinquent_since': '2026-08-14', 'external_ref': 'ACC-2026-000101',
            'original_amount': 250000}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResponse | Problem]
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
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> ImportResponse | Problem | None:
    """Place up to 10,000 accounts, each with its debtor (manager, head).

     Upserts by `external_ref`: a new reference creates the account (status `open`); a known one
    updates its amounts, dates, portfolio, team and debtor details (`currency` cannot change, nor
    `balance` once the account has left `open`). A new `balance` is an adjustment of the
    principal with reason `placement_update` under the importer's `adjustment_max` (either
    sign): within it the row answers `updated`; beyond it `pending_approval` with the approval
    request's `approval_id`, the row's other fields applied at once. Answers 200 with one result
    per row, in order; a bad row changes nothing of itself and does not stop the others.

    Args:
        idempotency_key (str | Unset):
        body (ImportRequest): Rows to place: 1 to 10,000 (bodies up to 32 MiB). Example:
            {'accounts': [{'balance': 182550, 'debtor': {'name': 'Jordan Reyes', 'timezone':
            'America/Chicago'}, 'delinquent_since': '2026-08-14', 'external_ref': 'ACC-2026-000101',
            'original_amount': 250000}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportResponse | Problem]:
    """Place up to 10,000 accounts, each with its debtor (manager, head).

     Upserts by `external_ref`: a new reference creates the account (status `open`); a known one
    updates its amounts, dates, portfolio, team and debtor details (`currency` cannot change, nor
    `balance` once the account has left `open`). A new `balance` is an adjustment of the
    principal with reason `placement_update` under the importer's `adjustment_max` (either
    sign): within it the row answers `updated`; beyond it `pending_approval` with the approval
    request's `approval_id`, the row's other fields applied at once. Answers 200 with one result
    per row, in order; a bad row changes nothing of itself and does not stop the others.

    Args:
        idempotency_key (str | Unset):
        body (ImportRequest): Rows to place: 1 to 10,000 (bodies up to 32 MiB). Example:
            {'accounts': [{'balance': 182550, 'debtor': {'name': 'Jordan Reyes', 'timezone':
            'America/Chicago'}, 'delinquent_since': '2026-08-14', 'external_ref': 'ACC-2026-000101',
            'original_amount': 250000}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResponse | Problem]
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
    body: ImportRequest,
    idempotency_key: str | Unset = UNSET,
) -> ImportResponse | Problem | None:
    """Place up to 10,000 accounts, each with its debtor (manager, head).

     Upserts by `external_ref`: a new reference creates the account (status `open`); a known one
    updates its amounts, dates, portfolio, team and debtor details (`currency` cannot change, nor
    `balance` once the account has left `open`). A new `balance` is an adjustment of the
    principal with reason `placement_update` under the importer's `adjustment_max` (either
    sign): within it the row answers `updated`; beyond it `pending_approval` with the approval
    request's `approval_id`, the row's other fields applied at once. Answers 200 with one result
    per row, in order; a bad row changes nothing of itself and does not stop the others.

    Args:
        idempotency_key (str | Unset):
        body (ImportRequest): Rows to place: 1 to 10,000 (bodies up to 32 MiB). Example:
            {'accounts': [{'balance': 182550, 'debtor': {'name': 'Jordan Reyes', 'timezone':
            'America/Chicago'}, 'delinquent_since': '2026-08-14', 'external_ref': 'ACC-2026-000101',
            'original_amount': 250000}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
