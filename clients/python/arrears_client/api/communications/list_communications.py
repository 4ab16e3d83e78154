from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.communication_status import CommunicationStatus
from ...models.message_channel import MessageChannel
from ...models.page_communication import PageCommunication
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: CommunicationStatus | Unset = UNSET,
    channel: MessageChannel | Unset = UNSET,
    ready: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_channel: str | Unset = UNSET
    if not isinstance(channel, Unset):
        json_channel = channel.value

    params["channel"] = json_channel

    params["ready"] = ready

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/communications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageCommunication | Problem | None:
    if response.status_code == 200:
        response_200 = PageCommunication.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | PageCommunication | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: CommunicationStatus | Unset = UNSET,
    channel: MessageChannel | Unset = UNSET,
    ready: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | PageCommunication | Problem]:
    """Communications on the accounts you see

     Communications on the accounts you see (team lead: their team; manager and above: all),
    oldest first, so a gateway paging through sends in the order they were made.

    Args:
        status (CommunicationStatus | Unset): Where a communication is. Example: pending.
        channel (MessageChannel | Unset): How a communication goes out. Example: sms.
        ready (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageCommunication | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        channel=channel,
        ready=ready,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: CommunicationStatus | Unset = UNSET,
    channel: MessageChannel | Unset = UNSET,
    ready: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | PageCommunication | Problem | None:
    """Communications on the accounts you see

     Communications on the accounts you see (team lead: their team; manager and above: all),
    oldest first, so a gateway paging through sends in the order they were made.

    Args:
        status (CommunicationStatus | Unset): Where a communication is. Example: pending.
        channel (MessageChannel | Unset): How a communication goes out. Example: sms.
        ready (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageCommunication | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        channel=channel,
        ready=ready,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: CommunicationStatus | Unset = UNSET,
    channel: MessageChannel | Unset = UNSET,
    ready: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | PageCommunication | Problem]:
    """Communications on the accounts you see

     Communications on the accounts you see (team lead: their team; manager and above: all),
    oldest first, so a gateway paging through sends in the order they were made.

    Args:
        status (CommunicationStatus | Unset): Where a communication is. Example: pending.
        channel (MessageChannel | Unset): How a communication goes out. Example: sms.
        ready (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageCommunication | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        channel=channel,
        ready=ready,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: CommunicationStatus | Unset = UNSET,
    channel: MessageChannel | Unset = UNSET,
    ready: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | PageCommunication | Problem | None:
    """Communications on the accounts you see

     Communications on the accounts you see (team lead: their team; manager and above: all),
    oldest first, so a gateway paging through sends in the order they were made.

    Args:
        status (CommunicationStatus | Unset): Where a communication is. Example: pending.
        channel (MessageChannel | Unset): How a communication goes out. Example: sms.
        ready (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageCommunication | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            channel=channel,
            ready=ready,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
