from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reconciliation import Reconciliation
from ...models.reconciliation_request import ReconciliationRequest
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: ReconciliationRequest | File | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    methods: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["source"] = source

    params["from"] = from_

    params["to"] = to

    params["methods"] = methods

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/reconciliations",
        "params": params,
    }

    if isinstance(body, ReconciliationRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Reconciliation | None:
    if response.status_code == 201:
        response_201 = Reconciliation.from_dict(response.json())

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
) -> Response[Problem | Reconciliation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReconciliationRequest | File | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    methods: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Reconciliation]:
    """Reconcile a remittance file against the recorded payments (manager and above).

     The body is JSON, or `text/csv` with a header row (`external_ref, amount, received_on`,
    optional `reference` and `line`; empty cells are absent) and the file's `source`, `from`,
    `to` and `methods` as query parameters; up to 50,000 rows. Each row is matched to at most one
    recorded, not reversed payment of its account: by (`external_ref`, `reference`) first (another
    amount: `amount_mismatch`), else by account, amount and `received_on` within 3 days (the
    nearest date). Rows left over are `unmatched_row`; payments received from `from` to `to` with
    one of `methods` that no row took are `unmatched_payment`. Synchronous: 201 with the summary;
    the exceptions are listed under the reconciliation.

    Args:
        source (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        methods (str | Unset):
        idempotency_key (str | Unset):
        body (ReconciliationRequest): A remittance file to reconcile. Example: {'from':
            '2026-11-01', 'methods': ['card'], 'rows': [{'amount': 12500, 'external_ref': 'ACC-1001',
            'line': 2, 'received_on': '2026-11-14', 'reference': 'TX-99812'}], 'source': 'Acme card
            processor, November', 'to': '2026-11-30'}.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Reconciliation]
    """

    kwargs = _get_kwargs(
        body=body,
        source=source,
        from_=from_,
        to=to,
        methods=methods,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ReconciliationRequest | File | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    methods: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Reconciliation | None:
    """Reconcile a remittance file against the recorded payments (manager and above).

     The body is JSON, or `text/csv` with a header row (`external_ref, amount, received_on`,
    optional `reference` and `line`; empty cells are absent) and the file's `source`, `from`,
    `to` and `methods` as query parameters; up to 50,000 rows. Each row is matched to at most one
    recorded, not reversed payment of its account: by (`external_ref`, `reference`) first (another
    amount: `amount_mismatch`), else by account, amount and `received_on` within 3 days (the
    nearest date). Rows left over are `unmatched_row`; payments received from `from` to `to` with
    one of `methods` that no row took are `unmatched_payment`. Synchronous: 201 with the summary;
    the exceptions are listed under the reconciliation.

    Args:
        source (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        methods (str | Unset):
        idempotency_key (str | Unset):
        body (ReconciliationRequest): A remittance file to reconcile. Example: {'from':
            '2026-11-01', 'methods': ['card'], 'rows': [{'amount': 12500, 'external_ref': 'ACC-1001',
            'line': 2, 'received_on': '2026-11-14', 'reference': 'TX-99812'}], 'source': 'Acme card
            processor, November', 'to': '2026-11-30'}.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Reconciliation
    """

    return sync_detailed(
        client=client,
        body=body,
        source=source,
        from_=from_,
        to=to,
        methods=methods,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReconciliationRequest | File | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    methods: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Reconciliation]:
    """Reconcile a remittance file against the recorded payments (manager and above).

     The body is JSON, or `text/csv` with a header row (`external_ref, amount, received_on`,
    optional `reference` and `line`; empty cells are absent) and the file's `source`, `from`,
    `to` and `methods` as query parameters; up to 50,000 rows. Each row is matched to at most one
    recorded, not reversed payment of its account: by (`external_ref`, `reference`) first (another
    amount: `amount_mismatch`), else by account, amount and `received_on` within 3 days (the
    nearest date). Rows left over are `unmatched_row`; payments received from `from` to `to` with
    one of `methods` that no row took are `unmatched_payment`. Synchronous: 201 with the summary;
    the exceptions are listed under the reconciliation.

    Args:
        source (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        methods (str | Unset):
        idempotency_key (str | Unset):
        body (ReconciliationRequest): A remittance file to reconcile. Example: {'from':
            '2026-11-01', 'methods': ['card'], 'rows': [{'amount': 12500, 'external_ref': 'ACC-1001',
            'line': 2, 'received_on': '2026-11-14', 'reference': 'TX-99812'}], 'source': 'Acme card
            processor, November', 'to': '2026-11-30'}.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Reconciliation]
    """

    kwargs = _get_kwargs(
        body=body,
        source=source,
        from_=from_,
        to=to,
        methods=methods,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ReconciliationRequest | File | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    methods: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Reconciliation | None:
    """Reconcile a remittance file against the recorded payments (manager and above).

     The body is JSON, or `text/csv` with a header row (`external_ref, amount, received_on`,
    optional `reference` and `line`; empty cells are absent) and the file's `source`, `from`,
    `to` and `methods` as query parameters; up to 50,000 rows. Each row is matched to at most one
    recorded, not reversed payment of its account: by (`external_ref`, `reference`) first (another
    amount: `amount_mismatch`), else by account, amount and `received_on` within 3 days (the
    nearest date). Rows left over are `unmatched_row`; payments received from `from` to `to` with
    one of `methods` that no row took are `unmatched_payment`. Synchronous: 201 with the summary;
    the exceptions are listed under the reconciliation.

    Args:
        source (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        methods (str | Unset):
        idempotency_key (str | Unset):
        body (ReconciliationRequest): A remittance file to reconcile. Example: {'from':
            '2026-11-01', 'methods': ['card'], 'rows': [{'amount': 12500, 'external_ref': 'ACC-1001',
            'line': 2, 'received_on': '2026-11-14', 'reference': 'TX-99812'}], 'source': 'Acme card
            processor, November', 'to': '2026-11-30'}.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Reconciliation
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            source=source,
            from_=from_,
            to=to,
            methods=methods,
            idempotency_key=idempotency_key,
        )
    ).parsed
