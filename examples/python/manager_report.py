"""A collections manager's morning with the generated Python client (clients/python).

Signs in as a manager, places new business from a CSV file (examples/python/accounts.csv, the
columns of `arrears import`) into the North team, auto-assigns the team's unassigned accounts,
approves a pending settlement that needs a manager, and prints the aging report.

    pip install ./clients/python
    ARREARS_URL=http://127.0.0.1:8080 python examples/python/manager_report.py [FILE.csv]

Exits non-zero on any unexpected status.
"""

import csv
import os
import sys
import uuid
from pathlib import Path

from arrears_client import AuthenticatedClient, Client
from arrears_client.api.accounts import import_accounts
from arrears_client.api.approvals import approve_approval, list_approvals
from arrears_client.api.assignments import create_auto_assignments
from arrears_client.api.auth import create_token
from arrears_client.api.reports import get_aging_report
from arrears_client.api.teams import list_teams
from arrears_client.models import (
    ApprovalKind,
    AutoAssignRequest,
    DecisionRequest,
    ImportRequest,
    ImportRow,
    ImportStatus,
    Problem,
    Role,
    TokenRequest,
)

BASE_URL = os.environ.get("ARREARS_URL", "http://127.0.0.1:8080")
EMAIL = os.environ.get("ARREARS_EMAIL", "manager@demo.arrears.dev")
PASSWORD = os.environ.get("ARREARS_PASSWORD", "arrears-demo-2026")
CSV_FILE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("accounts.csv")


def expect(response, *statuses):
    """The parsed body when the status is one we expect; otherwise print the problem and exit."""
    if response.status_code not in statuses:
        detail = response.parsed.detail if isinstance(response.parsed, Problem) else response.content
        sys.exit(f"unexpected {response.status_code}: {detail!r}")
    return response.parsed


def import_row(record: dict[str, str], team_id: int) -> ImportRow:
    """One CSV record as an import row: amounts in minor units, empty cells left out."""
    row = {k: v for k, v in record.items() if v and not k.startswith("debtor_")}
    row["debtor"] = {k.removeprefix("debtor_"): v for k, v in record.items() if v and k.startswith("debtor_")}
    row["original_amount"], row["balance"] = int(row["original_amount"]), int(row["balance"])
    row["team_id"] = team_id
    return ImportRow.from_dict(row)


def main() -> None:
    token = expect(create_token.sync_detailed(client=Client(BASE_URL), body=TokenRequest(EMAIL, PASSWORD)), 200)
    api = AuthenticatedClient(BASE_URL, token=token.access_token)
    print(f"signed in as {EMAIL}")

    teams = expect(list_teams.sync_detailed(client=api), 200)
    north = next(t for t in teams.data if t.name == "North")
    with CSV_FILE.open(newline="") as f:
        rows = [import_row(record, north.id) for record in csv.DictReader(f)]
    result = expect(
        import_accounts.sync_detailed(client=api, body=ImportRequest(accounts=rows), idempotency_key=str(uuid.uuid4())),
        200,
    )
    for r in result.results:
        if r.status == ImportStatus.ERROR:
            sys.exit(f"row {r.index} refused: {r.problem.detail}")
    created = sum(r.status == ImportStatus.CREATED for r in result.results)
    print(f"imported {len(rows)} accounts from {CSV_FILE.name} into {north.name}: {created} new")

    assigned = expect(create_auto_assignments.sync_detailed(client=api, body=AutoAssignRequest(team_id=north.id)), 201)
    for share in assigned.agents:
        print(f"  agent {share.agent_id}: {share.accounts_assigned} accounts, balance {share.total_balance}")

    pending = expect(list_approvals.sync_detailed(client=api, actionable=True, kind=ApprovalKind.SETTLEMENT), 200)
    mine = [a for a in pending.data if a.required_role == Role.MANAGER] or pending.data
    if not mine:
        sys.exit("no settlement awaits a decision")
    approval = expect(
        approve_approval.sync_detailed(mine[0].id, client=api, body=DecisionRequest(note="lump sum accepted")),
        200,
    )
    print(
        f"approved settlement {approval.id} on account {approval.account_id}: "
        f"{approval.amount} of {approval.balance_at_request} by {approval.due_on} ({approval.status.value})"
    )

    aging = expect(get_aging_report.sync_detailed(client=api), 200)
    print(f"aging as of {aging.as_of:%Y-%m-%d %H:%M} UTC")
    print(f"  {'bucket':>8} {'currency':>8} {'accounts':>9} {'balance':>14}")
    for b in aging.buckets:
        print(f"  {b.bucket.value:>8} {b.currency:>8} {b.count:>9} {b.balance / 100:>14,.2f}")


if __name__ == "__main__":
    main()
