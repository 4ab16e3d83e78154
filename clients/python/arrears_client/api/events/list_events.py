from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit

    params["types"] = types

    params["account_id"] = account_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

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
) -> Response[Any | EventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
) -> Response[Any | EventPage | Problem]:
    """The integration events after `after`, in commit order, that your account scope shows now
    (agents: the accounts assigned to them now; team leads: their team's; others: all; events
    without an account: managers and above, admins and auditors).

     **Order and continuity.** Each event's `id` is its position, handed out after its
    transaction committed, by one relay at a time, in the order the commits became visible: an
    event that commits late gets a higher id than every event already readable. A client that
    stores `next_cursor` and passes it as `after` never misses an event and never sees one twice,
    whatever the number of server instances writing. Poll with it; or open the stream.

    Event types grow over time: ignore the ones you do not know.

    Args:
        after (int | Unset):
        limit (int | Unset):
        types (str | Unset):
        account_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        types=types,
        account_id=account_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
) -> Any | EventPage | Problem | None:
    """The integration events after `after`, in commit order, that your account scope shows now
    (agents: the accounts assigned to them now; team leads: their team's; others: all; events
    without an account: managers and above, admins and auditors).

     **Order and continuity.** Each event's `id` is its position, handed out after its
    transaction committed, by one relay at a time, in the order the commits became visible: an
    event that commits late gets a higher id than every event already readable. A client that
    stores `next_cursor` and passes it as `after` never misses an event and never sees one twice,
    whatever the number of server instances writing. Poll with it; or open the stream.

    Event types grow over time: ignore the ones you do not know.

    Args:
        after (int | Unset):
        limit (int | Unset):
        types (str | Unset):
        account_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EventPage | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        limit=limit,
        types=types,
        account_id=account_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
) -> Response[Any | EventPage | Problem]:
    """The integration events after `after`, in commit order, that your account scope shows now
    (agents: the accounts assigned to them now; team leads: their team's; others: all; events
    without an account: managers and above, admins and auditors).

     **Order and continuity.** Each event's `id` is its position, handed out after its
    transaction committed, by one relay at a time, in the order the commits became visible: an
    event that commits late gets a higher id than every event already readable. A client that
    stores `next_cursor` and passes it as `after` never misses an event and never sees one twice,
    whatever the number of server instances writing. Poll with it; or open the stream.

    Event types grow over time: ignore the ones you do not know.

    Args:
        after (int | Unset):
        limit (int | Unset):
        types (str | Unset):
        account_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        types=types,
        account_id=account_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    types: str | Unset = UNSET,
    account_id: int | Unset = UNSET,
) -> Any | EventPage | Problem | None:
    """The integration events after `after`, in commit order, that your account scope shows now
    (agents: the accounts assigned to them now; team leads: their team's; others: all; events
    without an account: managers and above, admins and auditors).

     **Order and continuity.** Each event's `id` is its position, handed out after its
    transaction committed, by one relay at a time, in the order the commits became visible: an
    event that commits late gets a higher id than every event already readable. A client that
    stores `next_cursor` and passes it as `after` never misses an event and never sees one twice,
    whatever the number of server instances writing. Poll with it; or open the stream.

    Event types grow over time: ignore the ones you do not know.

    Args:
        after (int | Unset):
        limit (int | Unset):
        types (str | Unset):
        account_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            limit=limit,
            types=types,
            account_id=account_id,
        )
    ).parsed
