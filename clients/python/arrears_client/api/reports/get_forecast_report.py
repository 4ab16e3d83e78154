from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forecast_report import ForecastReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    weeks: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["weeks"] = weeks

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/forecast",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ForecastReport | Problem | None:
    if response.status_code == 200:
        response_200 = ForecastReport.from_dict(response.json())

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
) -> Response[Any | ForecastReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    weeks: int | Unset = UNSET,
) -> Response[Any | ForecastReport | Problem]:
    """Expected inflow per ISO week

     Expected inflow per ISO week: unpaid parts of active installments and approved settlements
    falling due that week. `Accept: text/csv` for CSV.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        weeks (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ForecastReport | Problem]
    """

    kwargs = _get_kwargs(
        weeks=weeks,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    weeks: int | Unset = UNSET,
) -> Any | ForecastReport | Problem | None:
    """Expected inflow per ISO week

     Expected inflow per ISO week: unpaid parts of active installments and approved settlements
    falling due that week. `Accept: text/csv` for CSV.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        weeks (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ForecastReport | Problem
    """

    return sync_detailed(
        client=client,
        weeks=weeks,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    weeks: int | Unset = UNSET,
) -> Response[Any | ForecastReport | Problem]:
    """Expected inflow per ISO week

     Expected inflow per ISO week: unpaid parts of active installments and approved settlements
    falling due that week. `Accept: text/csv` for CSV.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        weeks (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ForecastReport | Problem]
    """

    kwargs = _get_kwargs(
        weeks=weeks,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    weeks: int | Unset = UNSET,
) -> Any | ForecastReport | Problem | None:
    """Expected inflow per ISO week

     Expected inflow per ISO week: unpaid parts of active installments and approved settlements
    falling due that week. `Accept: text/csv` for CSV.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        weeks (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ForecastReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            weeks=weeks,
        )
    ).parsed
