from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approval_policy import ApprovalPolicy
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ApprovalPolicy,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/approval-policy",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApprovalPolicy | Problem | None:
    if response.status_code == 200:
        response_200 = ApprovalPolicy.from_dict(response.json())

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

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApprovalPolicy | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApprovalPolicy,
) -> Response[ApprovalPolicy | Problem]:
    """Replace the approval policy

     Replace the approval policy (head): limits ≥ 0, never lower on a higher tier. Audited.
    Pending requests keep the `required_role` they were given.

    Args:
        body (ApprovalPolicy): The approval policy: limits per tier. Example: {'agent':
            {'adjustment_max': 0, 'plan_max_installments': 12, 'settlement_max_discount_bps': 0,
            'settlement_max_forgiven': 0, 'write_off_max': 0}, 'head': {'adjustment_max': None,
            'plan_max_installments': None, 'settlement_max_discount_bps': None,
            'settlement_max_forgiven': None, 'write_off_max': None}, 'manager': {'adjustment_max':
            500000, 'plan_max_installments': 60, 'settlement_max_discount_bps': 5000,
            'settlement_max_forgiven': 2500000, 'write_off_max': 2500000}, 'team_lead':
            {'adjustment_max': 10000, 'plan_max_installments': 24, 'settlement_max_discount_bps':
            2500, 'settlement_max_forgiven': 250000, 'write_off_max': 100000}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalPolicy | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ApprovalPolicy,
) -> ApprovalPolicy | Problem | None:
    """Replace the approval policy

     Replace the approval policy (head): limits ≥ 0, never lower on a higher tier. Audited.
    Pending requests keep the `required_role` they were given.

    Args:
        body (ApprovalPolicy): The approval policy: limits per tier. Example: {'agent':
            {'adjustment_max': 0, 'plan_max_installments': 12, 'settlement_max_discount_bps': 0,
            'settlement_max_forgiven': 0, 'write_off_max': 0}, 'head': {'adjustment_max': None,
            'plan_max_installments': None, 'settlement_max_discount_bps': None,
            'settlement_max_forgiven': None, 'write_off_max': None}, 'manager': {'adjustment_max':
            500000, 'plan_max_installments': 60, 'settlement_max_discount_bps': 5000,
            'settlement_max_forgiven': 2500000, 'write_off_max': 2500000}, 'team_lead':
            {'adjustment_max': 10000, 'plan_max_installments': 24, 'settlement_max_discount_bps':
            2500, 'settlement_max_forgiven': 250000, 'write_off_max': 100000}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalPolicy | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApprovalPolicy,
) -> Response[ApprovalPolicy | Problem]:
    """Replace the approval policy

     Replace the approval policy (head): limits ≥ 0, never lower on a higher tier. Audited.
    Pending requests keep the `required_role` they were given.

    Args:
        body (ApprovalPolicy): The approval policy: limits per tier. Example: {'agent':
            {'adjustment_max': 0, 'plan_max_installments': 12, 'settlement_max_discount_bps': 0,
            'settlement_max_forgiven': 0, 'write_off_max': 0}, 'head': {'adjustment_max': None,
            'plan_max_installments': None, 'settlement_max_discount_bps': None,
            'settlement_max_forgiven': None, 'write_off_max': None}, 'manager': {'adjustment_max':
            500000, 'plan_max_installments': 60, 'settlement_max_discount_bps': 5000,
            'settlement_max_forgiven': 2500000, 'write_off_max': 2500000}, 'team_lead':
            {'adjustment_max': 10000, 'plan_max_installments': 24, 'settlement_max_discount_bps':
            2500, 'settlement_max_forgiven': 250000, 'write_off_max': 100000}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalPolicy | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ApprovalPolicy,
) -> ApprovalPolicy | Problem | None:
    """Replace the approval policy

     Replace the approval policy (head): limits ≥ 0, never lower on a higher tier. Audited.
    Pending requests keep the `required_role` they were given.

    Args:
        body (ApprovalPolicy): The approval policy: limits per tier. Example: {'agent':
            {'adjustment_max': 0, 'plan_max_installments': 12, 'settlement_max_discount_bps': 0,
            'settlement_max_forgiven': 0, 'write_off_max': 0}, 'head': {'adjustment_max': None,
            'plan_max_installments': None, 'settlement_max_discount_bps': None,
            'settlement_max_forgiven': None, 'write_off_max': None}, 'manager': {'adjustment_max':
            500000, 'plan_max_installments': 60, 'settlement_max_discount_bps': 5000,
            'settlement_max_forgiven': 2500000, 'write_off_max': 2500000}, 'team_lead':
            {'adjustment_max': 10000, 'plan_max_installments': 24, 'settlement_max_discount_bps':
            2500, 'settlement_max_forgiven': 250000, 'write_off_max': 100000}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalPolicy | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
