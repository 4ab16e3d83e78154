from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.aging_report import AgingReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["team_id"] = team_id

    params["portfolio"] = portfolio

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/aging",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgingReport | Any | Problem | None:
    if response.status_code == 200:
        response_200 = AgingReport.from_dict(response.json())

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
) -> Response[AgingReport | Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
) -> Response[AgingReport | Any | Problem]:
    """Aging of the accounts still in collection

     Aging of the accounts still in collection (open, in arrangement, disputed, legal) with a
    balance: count and balance per bucket of days past due. `Accept: text/csv` for CSV.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        team_id (int | Unset):
        portfolio (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgingReport | Any | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        portfolio=portfolio,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
) -> AgingReport | Any | Problem | None:
    """Aging of the accounts still in collection

     Aging of the accounts still in collection (open, in arrangement, disputed, legal) with a
    balance: count and balance per bucket of days past due. `Accept: text/csv` for CSV.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        team_id (int | Unset):
        portfolio (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgingReport | Any | Problem
    """

    return sync_detailed(
        client=client,
        team_id=team_id,
        portfolio=portfolio,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
) -> Response[AgingReport | Any | Problem]:
    """Aging of the accounts still in collection

     Aging of the accounts still in collection (open, in arrangement, disputed, legal) with a
    balance: count and balance per bucket of days past due. `Accept: text/csv` for CSV.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        team_id (int | Unset):
        portfolio (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgingReport | Any | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        portfolio=portfolio,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
) -> AgingReport | Any | Problem | None:
    """Aging of the accounts still in collection

     Aging of the accounts still in collection (open, in arrangement, disputed, legal) with a
    balance: count and balance per bucket of days past due. `Accept: text/csv` for CSV.

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        team_id (int | Unset):
        portfolio (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgingReport | Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            team_id=team_id,
            portfolio=portfolio,
        )
    ).parsed
