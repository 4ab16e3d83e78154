from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    stream_token: str | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
    last_event_id: int | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    params: dict[str, Any] = {}

    params["stream_token"] = stream_token

    params["types"] = types

    params["account_id"] = account_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events/stream",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    stream_token: str | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
    last_event_id: int | None | Unset = UNSET,
) -> Response[Problem | str]:
    """The events as Server-Sent Events, live

     The events as Server-Sent Events, live: the same events and scope as the feed. Each event
    is `id: <event id>` and `data: <the event as JSON>`; send `Last-Event-ID` (EventSource does
    on reconnect) to resume after an id, else the stream starts with what happens next. A
    comment line every 15 s keeps proxies open. The stream ends when the access token (or the
    one that made the stream token) expires, when your user is deactivated or its sessions are
    ended, and when the server stops; reconnect then. Never compressed.

    Args:
        stream_token (str | Unset):
        types (str | Unset):
        account_id (int | Unset):
        last_event_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        stream_token=stream_token,
        types=types,
        account_id=account_id,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    stream_token: str | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
    last_event_id: int | None | Unset = UNSET,
) -> Problem | str | None:
    """The events as Server-Sent Events, live

     The events as Server-Sent Events, live: the same events and scope as the feed. Each event
    is `id: <event id>` and `data: <the event as JSON>`; send `Last-Event-ID` (EventSource does
    on reconnect) to resume after an id, else the stream starts with what happens next. A
    comment line every 15 s keeps proxies open. The stream ends when the access token (or the
    one that made the stream token) expires, when your user is deactivated or its sessions are
    ended, and when the server stops; reconnect then. Never compressed.

    Args:
        stream_token (str | Unset):
        types (str | Unset):
        account_id (int | Unset):
        last_event_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        stream_token=stream_token,
        types=types,
        account_id=account_id,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    stream_token: str | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
    last_event_id: int | None | Unset = UNSET,
) -> Response[Problem | str]:
    """The events as Server-Sent Events, live

     The events as Server-Sent Events, live: the same events and scope as the feed. Each event
    is `id: <event id>` and `data: <the event as JSON>`; send `Last-Event-ID` (EventSource does
    on reconnect) to resume after an id, else the stream starts with what happens next. A
    comment line every 15 s keeps proxies open. The stream ends when the access token (or the
    one that made the stream token) expires, when your user is deactivated or its sessions are
    ended, and when the server stops; reconnect then. Never compressed.

    Args:
        stream_token (str | Unset):
        types (str | Unset):
        account_id (int | Unset):
        last_event_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        stream_token=stream_token,
        types=types,
        account_id=account_id,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    stream_token: str | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
    last_event_id: int | None | Unset = UNSET,
) -> Problem | str | None:
    """The events as Server-Sent Events, live

     The events as Server-Sent Events, live: the same events and scope as the feed. Each event
    is `id: <event id>` and `data: <the event as JSON>`; send `Last-Event-ID` (EventSource does
    on reconnect) to resume after an id, else the stream starts with what happens next. A
    comment line every 15 s keeps proxies open. The stream ends when the access token (or the
    one that made the stream token) expires, when your user is deactivated or its sessions are
    ended, and when the server stops; reconnect then. Never compressed.

    Args:
        stream_token (str | Unset):
        types (str | Unset):
        account_id (int | Unset):
        last_event_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            stream_token=stream_token,
            types=types,
            account_id=account_id,
            last_event_id=last_event_id,
        )
    ).parsed
