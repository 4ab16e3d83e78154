import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.period_kind import PeriodKind
from ...models.problem import Problem
from ...models.summary import Summary
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: PeriodKind | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    team_id: int | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    json_date: str | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date.isoformat()
    params["date"] = json_date

    params["team_id"] = team_id

    params["currency"] = currency

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/summary",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | Summary | None:
    if response.status_code == 200:
        response_200 = Summary.from_dict(response.json())

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
) -> Response[Any | Problem | Summary]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    period: PeriodKind | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    team_id: int | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> Response[Any | Problem | Summary]:
    """The management report for a day, ISO week or month, whole or one team

     The management report for a day, ISO week or month, whole or one team (team leads: their
    team; managers, heads, auditors: any), in one currency. Sections: `collected` (against the
    teams' targets prorated by days, and the previous period), `expected_income` (the next
    period's scheduled money, and the same weighted by the last 90 days' kept rate), `promises`,
    `contacts`, `aging` (at the end, and the change since the start: each account's status at an
    instant comes from the status history kept with every move, its balance from its ledger
    entries before it, its bucket from `delinquent_since`), `roll_rates`, `complaints`,
    `satisfaction`, `agents` (best first) and a `narrative`; each figure is defined on its schema.
    `Accept: text/html` answers one self-contained printable page (A4 or Letter): no script, no
    external asset, inline CSS and SVG charts.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        period (PeriodKind | Unset): How long the period is. Example: month.
        date (datetime.date | Unset):
        team_id (int | Unset):
        currency (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | Summary]
    """

    kwargs = _get_kwargs(
        period=period,
        date=date,
        team_id=team_id,
        currency=currency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    period: PeriodKind | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    team_id: int | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> Any | Problem | Summary | None:
    """The management report for a day, ISO week or month, whole or one team

     The management report for a day, ISO week or month, whole or one team (team leads: their
    team; managers, heads, auditors: any), in one currency. Sections: `collected` (against the
    teams' targets prorated by days, and the previous period), `expected_income` (the next
    period's scheduled money, and the same weighted by the last 90 days' kept rate), `promises`,
    `contacts`, `aging` (at the end, and the change since the start: each account's status at an
    instant comes from the status history kept with every move, its balance from its ledger
    entries before it, its bucket from `delinquent_since`), `roll_rates`, `complaints`,
    `satisfaction`, `agents` (best first) and a `narrative`; each figure is defined on its schema.
    `Accept: text/html` answers one self-contained printable page (A4 or Letter): no script, no
    external asset, inline CSS and SVG charts.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        period (PeriodKind | Unset): How long the period is. Example: month.
        date (datetime.date | Unset):
        team_id (int | Unset):
        currency (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | Summary
    """

    return sync_detailed(
        client=client,
        period=period,
        date=date,
        team_id=team_id,
        currency=currency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    period: PeriodKind | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    team_id: int | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> Response[Any | Problem | Summary]:
    """The management report for a day, ISO week or month, whole or one team

     The management report for a day, ISO week or month, whole or one team (team leads: their
    team; managers, heads, auditors: any), in one currency. Sections: `collected` (against the
    teams' targets prorated by days, and the previous period), `expected_income` (the next
    period's scheduled money, and the same weighted by the last 90 days' kept rate), `promises`,
    `contacts`, `aging` (at the end, and the change since the start: each account's status at an
    instant comes from the status history kept with every move, its balance from its ledger
    entries before it, its bucket from `delinquent_since`), `roll_rates`, `complaints`,
    `satisfaction`, `agents` (best first) and a `narrative`; each figure is defined on its schema.
    `Accept: text/html` answers one self-contained printable page (A4 or Letter): no script, no
    external asset, inline CSS and SVG charts.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        period (PeriodKind | Unset): How long the period is. Example: month.
        date (datetime.date | Unset):
        team_id (int | Unset):
        currency (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | Summary]
    """

    kwargs = _get_kwargs(
        period=period,
        date=date,
        team_id=team_id,
        currency=currency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    period: PeriodKind | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    team_id: int | Unset = UNSET,
    currency: str | Unset = UNSET,
) -> Any | Problem | Summary | None:
    """The management report for a day, ISO week or month, whole or one team

     The management report for a day, ISO week or month, whole or one team (team leads: their
    team; managers, heads, auditors: any), in one currency. Sections: `collected` (against the
    teams' targets prorated by days, and the previous period), `expected_income` (the next
    period's scheduled money, and the same weighted by the last 90 days' kept rate), `promises`,
    `contacts`, `aging` (at the end, and the change since the start: each account's status at an
    instant comes from the status history kept with every move, its balance from its ledger
    entries before it, its bucket from `delinquent_since`), `roll_rates`, `complaints`,
    `satisfaction`, `agents` (best first) and a `narrative`; each figure is defined on its schema.
    `Accept: text/html` answers one self-contained printable page (A4 or Letter): no script, no
    external asset, inline CSS and SVG charts.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        period (PeriodKind | Unset): How long the period is. Example: month.
        date (datetime.date | Unset):
        team_id (int | Unset):
        currency (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | Summary
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            date=date,
            team_id=team_id,
            currency=currency,
        )
    ).parsed
