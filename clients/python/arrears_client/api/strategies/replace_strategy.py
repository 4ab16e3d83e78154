from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.strategy import Strategy
from ...models.strategy_request import StrategyRequest
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: StrategyRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/strategies/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Strategy | None:
    if response.status_code == 200:
        response_200 = Strategy.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Strategy]:
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
    body: StrategyRequest,
) -> Response[Problem | Strategy]:
    """Replace a draft

     Replace a draft (manager and above); a strategy that has been active never changes (409
    `strategy-immutable`).

    Args:
        id (int):
        body (StrategyRequest): A strategy's definition. Example: {'challenger': {'segments':
            [{'criteria': {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'sms',
            'day': 0, 'template': 'reminder-1'}]}, {'criteria': {'min_days_past_due': 31}, 'name':
            'late', 'treatment': [{'action': 'settlement_offer', 'day': 0, 'discount_percent': 30}]}],
            'share_percent': 20}, 'name': 'Q4 early stage', 'segments': [{'criteria':
            {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'call', 'day': 0},
            {'action': 'sms', 'day': 3, 'template': 'reminder-1'}]}, {'criteria':
            {'min_days_past_due': 31}, 'name': 'late', 'treatment': [{'action': 'letter', 'day': 0,
            'template': 'final-notice'}, {'action': 'settlement_offer', 'day': 14, 'discount_percent':
            20}]}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Strategy]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: StrategyRequest,
) -> Problem | Strategy | None:
    """Replace a draft

     Replace a draft (manager and above); a strategy that has been active never changes (409
    `strategy-immutable`).

    Args:
        id (int):
        body (StrategyRequest): A strategy's definition. Example: {'challenger': {'segments':
            [{'criteria': {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'sms',
            'day': 0, 'template': 'reminder-1'}]}, {'criteria': {'min_days_past_due': 31}, 'name':
            'late', 'treatment': [{'action': 'settlement_offer', 'day': 0, 'discount_percent': 30}]}],
            'share_percent': 20}, 'name': 'Q4 early stage', 'segments': [{'criteria':
            {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'call', 'day': 0},
            {'action': 'sms', 'day': 3, 'template': 'reminder-1'}]}, {'criteria':
            {'min_days_past_due': 31}, 'name': 'late', 'treatment': [{'action': 'letter', 'day': 0,
            'template': 'final-notice'}, {'action': 'settlement_offer', 'day': 14, 'discount_percent':
            20}]}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Strategy
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: StrategyRequest,
) -> Response[Problem | Strategy]:
    """Replace a draft

     Replace a draft (manager and above); a strategy that has been active never changes (409
    `strategy-immutable`).

    Args:
        id (int):
        body (StrategyRequest): A strategy's definition. Example: {'challenger': {'segments':
            [{'criteria': {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'sms',
            'day': 0, 'template': 'reminder-1'}]}, {'criteria': {'min_days_past_due': 31}, 'name':
            'late', 'treatment': [{'action': 'settlement_offer', 'day': 0, 'discount_percent': 30}]}],
            'share_percent': 20}, 'name': 'Q4 early stage', 'segments': [{'criteria':
            {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'call', 'day': 0},
            {'action': 'sms', 'day': 3, 'template': 'reminder-1'}]}, {'criteria':
            {'min_days_past_due': 31}, 'name': 'late', 'treatment': [{'action': 'letter', 'day': 0,
            'template': 'final-notice'}, {'action': 'settlement_offer', 'day': 14, 'discount_percent':
            20}]}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Strategy]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: StrategyRequest,
) -> Problem | Strategy | None:
    """Replace a draft

     Replace a draft (manager and above); a strategy that has been active never changes (409
    `strategy-immutable`).

    Args:
        id (int):
        body (StrategyRequest): A strategy's definition. Example: {'challenger': {'segments':
            [{'criteria': {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'sms',
            'day': 0, 'template': 'reminder-1'}]}, {'criteria': {'min_days_past_due': 31}, 'name':
            'late', 'treatment': [{'action': 'settlement_offer', 'day': 0, 'discount_percent': 30}]}],
            'share_percent': 20}, 'name': 'Q4 early stage', 'segments': [{'criteria':
            {'max_days_past_due': 30}, 'name': 'early', 'treatment': [{'action': 'call', 'day': 0},
            {'action': 'sms', 'day': 3, 'template': 'reminder-1'}]}, {'criteria':
            {'min_days_past_due': 31}, 'name': 'late', 'treatment': [{'action': 'letter', 'day': 0,
            'template': 'final-notice'}, {'action': 'settlement_offer', 'day': 14, 'discount_percent':
            20}]}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Strategy
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
