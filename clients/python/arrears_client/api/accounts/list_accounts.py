import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_status import AccountStatus
from ...models.page_account import PageAccount
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: AccountStatus | Unset = UNSET,
    assignee_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
    min_balance: int | Unset = UNSET,
    max_balance: int | Unset = UNSET,
    min_days_past_due: int | Unset = UNSET,
    max_days_past_due: int | Unset = UNSET,
    q: str | Unset = UNSET,
    flagged: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["assignee_id"] = assignee_id

    params["team_id"] = team_id

    params["portfolio"] = portfolio

    params["min_balance"] = min_balance

    params["max_balance"] = max_balance

    params["min_days_past_due"] = min_days_past_due

    params["max_days_past_due"] = max_days_past_due

    params["q"] = q

    params["flagged"] = flagged

    params["sort"] = sort

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/accounts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageAccount | Problem | None:
    if response.status_code == 200:
        response_200 = PageAccount.from_dict(response.json())

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
) -> Response[Any | PageAccount | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: AccountStatus | Unset = UNSET,
    assignee_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
    min_balance: int | Unset = UNSET,
    max_balance: int | Unset = UNSET,
    min_days_past_due: int | Unset = UNSET,
    max_days_past_due: int | Unset = UNSET,
    q: str | Unset = UNSET,
    flagged: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | PageAccount | Problem]:
    """List the accounts you may see

     List the accounts you may see (agent: assigned to you; team lead: your team's; others: all).

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        status (AccountStatus | Unset): Where an account stands. Example: open.
        assignee_id (int | Unset):
        team_id (int | Unset):
        portfolio (str | Unset):
        min_balance (int | Unset):
        max_balance (int | Unset):
        min_days_past_due (int | Unset):
        max_days_past_due (int | Unset):
        q (str | Unset):
        flagged (bool | Unset):
        sort (str | Unset):
        updated_since (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageAccount | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        assignee_id=assignee_id,
        team_id=team_id,
        portfolio=portfolio,
        min_balance=min_balance,
        max_balance=max_balance,
        min_days_past_due=min_days_past_due,
        max_days_past_due=max_days_past_due,
        q=q,
        flagged=flagged,
        sort=sort,
        updated_since=updated_since,
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
    status: AccountStatus | Unset = UNSET,
    assignee_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
    min_balance: int | Unset = UNSET,
    max_balance: int | Unset = UNSET,
    min_days_past_due: int | Unset = UNSET,
    max_days_past_due: int | Unset = UNSET,
    q: str | Unset = UNSET,
    flagged: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | PageAccount | Problem | None:
    """List the accounts you may see

     List the accounts you may see (agent: assigned to you; team lead: your team's; others: all).

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        status (AccountStatus | Unset): Where an account stands. Example: open.
        assignee_id (int | Unset):
        team_id (int | Unset):
        portfolio (str | Unset):
        min_balance (int | Unset):
        max_balance (int | Unset):
        min_days_past_due (int | Unset):
        max_days_past_due (int | Unset):
        q (str | Unset):
        flagged (bool | Unset):
        sort (str | Unset):
        updated_since (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageAccount | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        assignee_id=assignee_id,
        team_id=team_id,
        portfolio=portfolio,
        min_balance=min_balance,
        max_balance=max_balance,
        min_days_past_due=min_days_past_due,
        max_days_past_due=max_days_past_due,
        q=q,
        flagged=flagged,
        sort=sort,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: AccountStatus | Unset = UNSET,
    assignee_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
    min_balance: int | Unset = UNSET,
    max_balance: int | Unset = UNSET,
    min_days_past_due: int | Unset = UNSET,
    max_days_past_due: int | Unset = UNSET,
    q: str | Unset = UNSET,
    flagged: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | PageAccount | Problem]:
    """List the accounts you may see

     List the accounts you may see (agent: assigned to you; team lead: your team's; others: all).

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        status (AccountStatus | Unset): Where an account stands. Example: open.
        assignee_id (int | Unset):
        team_id (int | Unset):
        portfolio (str | Unset):
        min_balance (int | Unset):
        max_balance (int | Unset):
        min_days_past_due (int | Unset):
        max_days_past_due (int | Unset):
        q (str | Unset):
        flagged (bool | Unset):
        sort (str | Unset):
        updated_since (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageAccount | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        assignee_id=assignee_id,
        team_id=team_id,
        portfolio=portfolio,
        min_balance=min_balance,
        max_balance=max_balance,
        min_days_past_due=min_days_past_due,
        max_days_past_due=max_days_past_due,
        q=q,
        flagged=flagged,
        sort=sort,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: AccountStatus | Unset = UNSET,
    assignee_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    portfolio: str | Unset = UNSET,
    min_balance: int | Unset = UNSET,
    max_balance: int | Unset = UNSET,
    min_days_past_due: int | Unset = UNSET,
    max_days_past_due: int | Unset = UNSET,
    q: str | Unset = UNSET,
    flagged: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | PageAccount | Problem | None:
    """List the accounts you may see

     List the accounts you may see (agent: assigned to you; team lead: your team's; others: all).

    **Read from the replica.** When the server has a streaming replica (`ARREARS_REPLICA_URL`), this
    answer is read there and may lag the primary by up to `ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5):
    a change just made may not show yet. Single resources (`GET /v1/accounts/{id}`), the queue and the
    event feed always read the primary.

    Args:
        status (AccountStatus | Unset): Where an account stands. Example: open.
        assignee_id (int | Unset):
        team_id (int | Unset):
        portfolio (str | Unset):
        min_balance (int | Unset):
        max_balance (int | Unset):
        min_days_past_due (int | Unset):
        max_days_past_due (int | Unset):
        q (str | Unset):
        flagged (bool | Unset):
        sort (str | Unset):
        updated_since (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageAccount | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            assignee_id=assignee_id,
            team_id=team_id,
            portfolio=portfolio,
            min_balance=min_balance,
            max_balance=max_balance,
            min_days_past_due=min_days_past_due,
            max_days_past_due=max_days_past_due,
            q=q,
            flagged=flagged,
            sort=sort,
            updated_since=updated_since,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
