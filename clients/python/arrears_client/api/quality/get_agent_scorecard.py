from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.scorecard import Scorecard
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    period: str | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    params["currency"] = currency

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/agents/{id}/scorecard".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | Scorecard | None:
    if response.status_code == 200:
        response_200 = Scorecard.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Any | Problem | Scorecard]:
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
    period: str | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> Response[Any | Problem | Scorecard]:
    """An agent's month for a one-to-one

     An agent's month for a one-to-one (the agent themself, their team lead, managers, heads,
    auditors; anyone else's agent: 404; admins: 403): performance (collected in one currency,
    target and attainment; attempts and RPC rate from the contact rollup; promises and kept
    rate), quality (evaluations made in the month, average score, fatal failures), complaints
    received against them and how many were justified, satisfaction answers, coaching actions
    open at the month's end (or today); `team` the team's average agent over its agents (counts
    and amounts: the mean over the agents; rates and scores: the mean over agents that have one).
    `Accept: text/html` answers a printable one-page sheet (inline CSS and SVG, no script).

    Args:
        id (int):
        period (str | Unset):
        currency (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | Scorecard]
    """

    kwargs = _get_kwargs(
        id=id,
        period=period,
        currency=currency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    period: str | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> Any | Problem | Scorecard | None:
    """An agent's month for a one-to-one

     An agent's month for a one-to-one (the agent themself, their team lead, managers, heads,
    auditors; anyone else's agent: 404; admins: 403): performance (collected in one currency,
    target and attainment; attempts and RPC rate from the contact rollup; promises and kept
    rate), quality (evaluations made in the month, average score, fatal failures), complaints
    received against them and how many were justified, satisfaction answers, coaching actions
    open at the month's end (or today); `team` the team's average agent over its agents (counts
    and amounts: the mean over the agents; rates and scores: the mean over agents that have one).
    `Accept: text/html` answers a printable one-page sheet (inline CSS and SVG, no script).

    Args:
        id (int):
        period (str | Unset):
        currency (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | Scorecard
    """

    return sync_detailed(
        id=id,
        client=client,
        period=period,
        currency=currency,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    period: str | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> Response[Any | Problem | Scorecard]:
    """An agent's month for a one-to-one

     An agent's month for a one-to-one (the agent themself, their team lead, managers, heads,
    auditors; anyone else's agent: 404; admins: 403): performance (collected in one currency,
    target and attainment; attempts and RPC rate from the contact rollup; promises and kept
    rate), quality (evaluations made in the month, average score, fatal failures), complaints
    received against them and how many were justified, satisfaction answers, coaching actions
    open at the month's end (or today); `team` the team's average agent over its agents (counts
    and amounts: the mean over the agents; rates and scores: the mean over agents that have one).
    `Accept: text/html` answers a printable one-page sheet (inline CSS and SVG, no script).

    Args:
        id (int):
        period (str | Unset):
        currency (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | Scorecard]
    """

    kwargs = _get_kwargs(
        id=id,
        period=period,
        currency=currency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    period: str | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> Any | Problem | Scorecard | None:
    """An agent's month for a one-to-one

     An agent's month for a one-to-one (the agent themself, their team lead, managers, heads,
    auditors; anyone else's agent: 404; admins: 403): performance (collected in one currency,
    target and attainment; attempts and RPC rate from the contact rollup; promises and kept
    rate), quality (evaluations made in the month, average score, fatal failures), complaints
    received against them and how many were justified, satisfaction answers, coaching actions
    open at the month's end (or today); `team` the team's average agent over its agents (counts
    and amounts: the mean over the agents; rates and scores: the mean over agents that have one).
    `Accept: text/html` answers a printable one-page sheet (inline CSS and SVG, no script).

    Args:
        id (int):
        period (str | Unset):
        currency (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | Scorecard
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            period=period,
            currency=currency,
        )
    ).parsed
