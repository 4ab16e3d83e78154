import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.strategy_report import StrategyReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    strategy_id: int | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["strategy_id"] = strategy_id

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/strategy",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | StrategyReport | None:
    if response.status_code == 200:
        response_200 = StrategyReport.from_dict(response.json())

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
) -> Response[Any | Problem | StrategyReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    strategy_id: int | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date,
) -> Response[Any | Problem | StrategyReport]:
    """The strategy's figures per segment, arm and currency over `[from, to]`, attributed to the
    segment and arm each account was in when it happened (a *stay*: one segment entry of an
    account, overlapping the days), and the challenger compared with the champion: each pair of
    segments with equal criteria, and the whole arms (`overall`).

     A comparison's `difference` is the challenger's mean per-stay liquidation (collected ÷
    balance at entry) minus the champion's; its 95 % interval is Welch's: se = √(s²₁/n₁ +
    s²₂/n₂), ν by Welch–Satterthwaite, difference ± t(0.975, ν) × se; `significant` when the
    interval excludes 0. Liquidation is a rate, so comparisons pool currencies; money is summed
    only within a currency's row. Team leads see their team's accounts. CSV (`Accept: text/csv`)
    holds the rows; the comparisons are in the JSON.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        strategy_id (int | Unset):
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | StrategyReport]
    """

    kwargs = _get_kwargs(
        strategy_id=strategy_id,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    strategy_id: int | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date,
) -> Any | Problem | StrategyReport | None:
    """The strategy's figures per segment, arm and currency over `[from, to]`, attributed to the
    segment and arm each account was in when it happened (a *stay*: one segment entry of an
    account, overlapping the days), and the challenger compared with the champion: each pair of
    segments with equal criteria, and the whole arms (`overall`).

     A comparison's `difference` is the challenger's mean per-stay liquidation (collected ÷
    balance at entry) minus the champion's; its 95 % interval is Welch's: se = √(s²₁/n₁ +
    s²₂/n₂), ν by Welch–Satterthwaite, difference ± t(0.975, ν) × se; `significant` when the
    interval excludes 0. Liquidation is a rate, so comparisons pool currencies; money is summed
    only within a currency's row. Team leads see their team's accounts. CSV (`Accept: text/csv`)
    holds the rows; the comparisons are in the JSON.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        strategy_id (int | Unset):
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | StrategyReport
    """

    return sync_detailed(
        client=client,
        strategy_id=strategy_id,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    strategy_id: int | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date,
) -> Response[Any | Problem | StrategyReport]:
    """The strategy's figures per segment, arm and currency over `[from, to]`, attributed to the
    segment and arm each account was in when it happened (a *stay*: one segment entry of an
    account, overlapping the days), and the challenger compared with the champion: each pair of
    segments with equal criteria, and the whole arms (`overall`).

     A comparison's `difference` is the challenger's mean per-stay liquidation (collected ÷
    balance at entry) minus the champion's; its 95 % interval is Welch's: se = √(s²₁/n₁ +
    s²₂/n₂), ν by Welch–Satterthwaite, difference ± t(0.975, ν) × se; `significant` when the
    interval excludes 0. Liquidation is a rate, so comparisons pool currencies; money is summed
    only within a currency's row. Team leads see their team's accounts. CSV (`Accept: text/csv`)
    holds the rows; the comparisons are in the JSON.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        strategy_id (int | Unset):
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | StrategyReport]
    """

    kwargs = _get_kwargs(
        strategy_id=strategy_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    strategy_id: int | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date,
) -> Any | Problem | StrategyReport | None:
    """The strategy's figures per segment, arm and currency over `[from, to]`, attributed to the
    segment and arm each account was in when it happened (a *stay*: one segment entry of an
    account, overlapping the days), and the challenger compared with the champion: each pair of
    segments with equal criteria, and the whole arms (`overall`).

     A comparison's `difference` is the challenger's mean per-stay liquidation (collected ÷
    balance at entry) minus the champion's; its 95 % interval is Welch's: se = √(s²₁/n₁ +
    s²₂/n₂), ν by Welch–Satterthwaite, difference ± t(0.975, ν) × se; `significant` when the
    interval excludes 0. Liquidation is a rate, so comparisons pool currencies; money is summed
    only within a currency's row. Team leads see their team's accounts. CSV (`Accept: text/csv`)
    holds the rows; the comparisons are in the JSON.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        strategy_id (int | Unset):
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | StrategyReport
    """

    return (
        await asyncio_detailed(
            client=client,
            strategy_id=strategy_id,
            from_=from_,
            to=to,
        )
    ).parsed
