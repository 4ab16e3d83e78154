from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaint_category import ComplaintCategory
from ...models.complaint_source import ComplaintSource
from ...models.complaint_status import ComplaintStatus
from ...models.page_complaint import PageComplaint
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ComplaintStatus | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    source: ComplaintSource | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    against_user_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    account_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    params["overdue"] = overdue

    params["against_user_id"] = against_user_id

    params["team_id"] = team_id

    params["account_id"] = account_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/complaints",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageComplaint | Problem | None:
    if response.status_code == 200:
        response_200 = PageComplaint.from_dict(response.json())

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
) -> Response[Any | PageComplaint | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ComplaintStatus | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    source: ComplaintSource | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    against_user_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    account_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | PageComplaint | Problem]:
    """Complaints on the accounts you see, newest first

     Complaints on the accounts you see, newest first.

    Args:
        status (ComplaintStatus | Unset): `open` → `in_progress` (responded) → `closed`; reopening
            makes it `open` again. "Open" in
            pauses, `overdue` and reports means `open` or `in_progress`. Example: open.
        category (ComplaintCategory | Unset): What the complaint is about. `debt_not_owed`,
            `wrong_amount` and `validation_notice`
            pause outbound collection while the complaint is open. Example: wrong_amount.
        source (ComplaintSource | Unset): Who brought the complaint. Example: cfpb.
        overdue (bool | Unset):
        against_user_id (int | Unset):
        team_id (int | Unset):
        account_id (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageComplaint | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        source=source,
        overdue=overdue,
        against_user_id=against_user_id,
        team_id=team_id,
        account_id=account_id,
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
    status: ComplaintStatus | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    source: ComplaintSource | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    against_user_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    account_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | PageComplaint | Problem | None:
    """Complaints on the accounts you see, newest first

     Complaints on the accounts you see, newest first.

    Args:
        status (ComplaintStatus | Unset): `open` → `in_progress` (responded) → `closed`; reopening
            makes it `open` again. "Open" in
            pauses, `overdue` and reports means `open` or `in_progress`. Example: open.
        category (ComplaintCategory | Unset): What the complaint is about. `debt_not_owed`,
            `wrong_amount` and `validation_notice`
            pause outbound collection while the complaint is open. Example: wrong_amount.
        source (ComplaintSource | Unset): Who brought the complaint. Example: cfpb.
        overdue (bool | Unset):
        against_user_id (int | Unset):
        team_id (int | Unset):
        account_id (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageComplaint | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        category=category,
        source=source,
        overdue=overdue,
        against_user_id=against_user_id,
        team_id=team_id,
        account_id=account_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: ComplaintStatus | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    source: ComplaintSource | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    against_user_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    account_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | PageComplaint | Problem]:
    """Complaints on the accounts you see, newest first

     Complaints on the accounts you see, newest first.

    Args:
        status (ComplaintStatus | Unset): `open` → `in_progress` (responded) → `closed`; reopening
            makes it `open` again. "Open" in
            pauses, `overdue` and reports means `open` or `in_progress`. Example: open.
        category (ComplaintCategory | Unset): What the complaint is about. `debt_not_owed`,
            `wrong_amount` and `validation_notice`
            pause outbound collection while the complaint is open. Example: wrong_amount.
        source (ComplaintSource | Unset): Who brought the complaint. Example: cfpb.
        overdue (bool | Unset):
        against_user_id (int | Unset):
        team_id (int | Unset):
        account_id (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageComplaint | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        source=source,
        overdue=overdue,
        against_user_id=against_user_id,
        team_id=team_id,
        account_id=account_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: ComplaintStatus | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    source: ComplaintSource | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    against_user_id: int | Unset = UNSET,
    team_id: int | Unset = UNSET,
    account_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | PageComplaint | Problem | None:
    """Complaints on the accounts you see, newest first

     Complaints on the accounts you see, newest first.

    Args:
        status (ComplaintStatus | Unset): `open` → `in_progress` (responded) → `closed`; reopening
            makes it `open` again. "Open" in
            pauses, `overdue` and reports means `open` or `in_progress`. Example: open.
        category (ComplaintCategory | Unset): What the complaint is about. `debt_not_owed`,
            `wrong_amount` and `validation_notice`
            pause outbound collection while the complaint is open. Example: wrong_amount.
        source (ComplaintSource | Unset): Who brought the complaint. Example: cfpb.
        overdue (bool | Unset):
        against_user_id (int | Unset):
        team_id (int | Unset):
        account_id (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageComplaint | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            category=category,
            source=source,
            overdue=overdue,
            against_user_id=against_user_id,
            team_id=team_id,
            account_id=account_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
