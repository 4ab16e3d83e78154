from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/metrics",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())

        return response_431

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """Prometheus metrics

     Prometheus metrics: requests by route and status, a latency histogram, the database pool,
    the outbox lag (`arrears_outbox_events_waiting`, `arrears_outbox_lag_seconds`), webhook
    deliveries by status and the event streams open on this instance; and what the floor did,
    counted when committed: `arrears_contacts_logged_total{channel}`,
    `arrears_contacts_refused_total{reason}`, `arrears_payments_recorded_total{currency,method}`,
    `arrears_approvals_decided_total{kind,decision,by}`, `arrears_background_runs_total{job,outcome}`,
    `arrears_db_pool_wait_seconds` and `arrears_build_info{version}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """Prometheus metrics

     Prometheus metrics: requests by route and status, a latency histogram, the database pool,
    the outbox lag (`arrears_outbox_events_waiting`, `arrears_outbox_lag_seconds`), webhook
    deliveries by status and the event streams open on this instance; and what the floor did,
    counted when committed: `arrears_contacts_logged_total{channel}`,
    `arrears_contacts_refused_total{reason}`, `arrears_payments_recorded_total{currency,method}`,
    `arrears_approvals_decided_total{kind,decision,by}`, `arrears_background_runs_total{job,outcome}`,
    `arrears_db_pool_wait_seconds` and `arrears_build_info{version}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """Prometheus metrics

     Prometheus metrics: requests by route and status, a latency histogram, the database pool,
    the outbox lag (`arrears_outbox_events_waiting`, `arrears_outbox_lag_seconds`), webhook
    deliveries by status and the event streams open on this instance; and what the floor did,
    counted when committed: `arrears_contacts_logged_total{channel}`,
    `arrears_contacts_refused_total{reason}`, `arrears_payments_recorded_total{currency,method}`,
    `arrears_approvals_decided_total{kind,decision,by}`, `arrears_background_runs_total{job,outcome}`,
    `arrears_db_pool_wait_seconds` and `arrears_build_info{version}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """Prometheus metrics

     Prometheus metrics: requests by route and status, a latency histogram, the database pool,
    the outbox lag (`arrears_outbox_events_waiting`, `arrears_outbox_lag_seconds`), webhook
    deliveries by status and the event streams open on this instance; and what the floor did,
    counted when committed: `arrears_contacts_logged_total{channel}`,
    `arrears_contacts_refused_total{reason}`, `arrears_payments_recorded_total{currency,method}`,
    `arrears_approvals_decided_total{kind,decision,by}`, `arrears_background_runs_total{job,outcome}`,
    `arrears_db_pool_wait_seconds` and `arrears_build_info{version}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
