from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook import Webhook
from ...models.webhook_request import WebhookRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Webhook | None:
    if response.status_code == 201:
        response_201 = Webhook.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Webhook]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Webhook]:
    """Subscribe a URL to events

     Subscribe a URL to events (admin). The answer holds the `secret` that signs every delivery:
    `Arrears-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. It is
    shown only here. Deliveries are at least once; per webhook, one account's events arrive in
    order; a failed attempt is retried after 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h and 8 h
    (each ±10 %), then the delivery is `failed`. Any 2xx within 10 s counts; redirects are not
    followed.

    Args:
        idempotency_key (str | Unset):
        body (WebhookRequest): A webhook to create. Example: {'description': 'ledger sync',
            'event_types': ['payment.recorded', 'arrangement.broken'], 'url':
            'https://hooks.example.com/arrears'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Webhook]
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
    body: WebhookRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Webhook | None:
    """Subscribe a URL to events

     Subscribe a URL to events (admin). The answer holds the `secret` that signs every delivery:
    `Arrears-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. It is
    shown only here. Deliveries are at least once; per webhook, one account's events arrive in
    order; a failed attempt is retried after 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h and 8 h
    (each ±10 %), then the delivery is `failed`. Any 2xx within 10 s counts; redirects are not
    followed.

    Args:
        idempotency_key (str | Unset):
        body (WebhookRequest): A webhook to create. Example: {'description': 'ledger sync',
            'event_types': ['payment.recorded', 'arrangement.broken'], 'url':
            'https://hooks.example.com/arrears'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Webhook
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Webhook]:
    """Subscribe a URL to events

     Subscribe a URL to events (admin). The answer holds the `secret` that signs every delivery:
    `Arrears-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. It is
    shown only here. Deliveries are at least once; per webhook, one account's events arrive in
    order; a failed attempt is retried after 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h and 8 h
    (each ±10 %), then the delivery is `failed`. Any 2xx within 10 s counts; redirects are not
    followed.

    Args:
        idempotency_key (str | Unset):
        body (WebhookRequest): A webhook to create. Example: {'description': 'ledger sync',
            'event_types': ['payment.recorded', 'arrangement.broken'], 'url':
            'https://hooks.example.com/arrears'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Webhook]
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
    body: WebhookRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Webhook | None:
    """Subscribe a URL to events

     Subscribe a URL to events (admin). The answer holds the `secret` that signs every delivery:
    `Arrears-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. It is
    shown only here. Deliveries are at least once; per webhook, one account's events arrive in
    order; a failed attempt is retried after 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h and 8 h
    (each ±10 %), then the delivery is `failed`. Any 2xx within 10 s counts; redirects are not
    followed.

    Args:
        idempotency_key (str | Unset):
        body (WebhookRequest): A webhook to create. Example: {'description': 'ledger sync',
            'event_types': ['payment.recorded', 'arrangement.broken'], 'url':
            'https://hooks.example.com/arrears'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Webhook
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
