from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.debtor import Debtor
from ...models.problem import Problem
from ...models.update_debtor_request import UpdateDebtorRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: UpdateDebtorRequest | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/debtors/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Debtor | Problem | None:
    if response.status_code == 200:
        response_200 = Debtor.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Debtor | Problem]:
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
    body: UpdateDebtorRequest | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[Debtor | Problem]:
    """Change a debtor's details or contact restrictions (agent and above, within scope).

     Send `If-Match` with the `ETag` you read (`GET /v1/debtors/{id}`) to change only what you saw:
    412 when the debtor changed since. The answer carries the new `ETag`.

    Args:
        id (int):
        if_match (None | str | Unset):
        body (UpdateDebtorRequest | Unset): Changes to a debtor; omitted fields stay. Contact
            restrictions can be set by anyone who works
            the debtor's accounts; lifting one (`true` → `false`) takes a manager or head. Example:
            {'do_not_call': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Debtor | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateDebtorRequest | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Debtor | Problem | None:
    """Change a debtor's details or contact restrictions (agent and above, within scope).

     Send `If-Match` with the `ETag` you read (`GET /v1/debtors/{id}`) to change only what you saw:
    412 when the debtor changed since. The answer carries the new `ETag`.

    Args:
        id (int):
        if_match (None | str | Unset):
        body (UpdateDebtorRequest | Unset): Changes to a debtor; omitted fields stay. Contact
            restrictions can be set by anyone who works
            the debtor's accounts; lifting one (`true` → `false`) takes a manager or head. Example:
            {'do_not_call': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Debtor | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateDebtorRequest | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[Debtor | Problem]:
    """Change a debtor's details or contact restrictions (agent and above, within scope).

     Send `If-Match` with the `ETag` you read (`GET /v1/debtors/{id}`) to change only what you saw:
    412 when the debtor changed since. The answer carries the new `ETag`.

    Args:
        id (int):
        if_match (None | str | Unset):
        body (UpdateDebtorRequest | Unset): Changes to a debtor; omitted fields stay. Contact
            restrictions can be set by anyone who works
            the debtor's accounts; lifting one (`true` → `false`) takes a manager or head. Example:
            {'do_not_call': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Debtor | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateDebtorRequest | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Debtor | Problem | None:
    """Change a debtor's details or contact restrictions (agent and above, within scope).

     Send `If-Match` with the `ETag` you read (`GET /v1/debtors/{id}`) to change only what you saw:
    412 when the debtor changed since. The answer carries the new `ETag`.

    Args:
        id (int):
        if_match (None | str | Unset):
        body (UpdateDebtorRequest | Unset): Changes to a debtor; omitted fields stay. Contact
            restrictions can be set by anyone who works
            the debtor's accounts; lifting one (`true` → `false`) takes a manager or head. Example:
            {'do_not_call': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Debtor | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
