"""An agent's day with the generated Python client (clients/python).

Signs in as an agent, pulls the work queue, checks whether the top account may be called now,
logs the call with a promise to pay, then records the payment that keeps the promise.
Outside the debtor's calling hours the call is logged as inbound (the debtor rang in), which
Regulation F always allows.

    pip install ./clients/python
    ARREARS_URL=http://127.0.0.1:8080 python examples/python/agent_day.py

Exits non-zero on any unexpected status.
"""

import datetime
import os
import sys
import uuid

from arrears_client import AuthenticatedClient, Client
from arrears_client.api.arrangements import get_arrangement, list_account_arrangements
from arrears_client.api.auth import create_token
from arrears_client.api.contacts import create_contact, get_contactability
from arrears_client.api.payments import create_payment
from arrears_client.api.queue import get_queue
from arrears_client.models import (
    ArrangementStatus,
    Channel,
    CreateContactRequest,
    CreatePaymentRequest,
    Direction,
    Outcome,
    PaymentMethod,
    Problem,
    PromiseRequest,
    Reason,
    TokenRequest,
)

BASE_URL = os.environ.get("ARREARS_URL", "http://127.0.0.1:8080")
EMAIL = os.environ.get("ARREARS_EMAIL", "agent.north@demo.arrears.dev")
PASSWORD = os.environ.get("ARREARS_PASSWORD", "arrears-demo-2026")


def expect(response, *statuses):
    """The parsed body when the status is one we expect; otherwise print the problem and exit."""
    if response.status_code not in statuses:
        detail = response.parsed.detail if isinstance(response.parsed, Problem) else response.content
        sys.exit(f"unexpected {response.status_code}: {detail!r}")
    return response.parsed


def main() -> None:
    token = expect(create_token.sync_detailed(client=Client(BASE_URL), body=TokenRequest(EMAIL, PASSWORD)), 200)
    api = AuthenticatedClient(BASE_URL, token=token.access_token)
    print(f"signed in as {EMAIL}")

    queue = expect(get_queue.sync_detailed(client=api, limit=25), 200)
    print(f"queue: {len(queue.data)} accounts, top priority {queue.data[0].priority if queue.data else '-'}")

    # The first account without a live arrangement; call it if the rules allow it now.
    live = {ArrangementStatus.ACTIVE, ArrangementStatus.PENDING_APPROVAL}
    for item in queue.data:
        plans = expect(list_account_arrangements.sync_detailed(item.account_id, client=api), 200)
        if any(p.status in live for p in plans.data):
            continue
        verdict = expect(get_contactability.sync_detailed(item.account_id, client=api, channel=Channel.PHONE), 200)
        if verdict.allowed or verdict.reasons == [Reason.OUTSIDE_CALLING_HOURS]:
            break
    else:
        sys.exit("no account in the queue could take a promise")
    if verdict.allowed:
        direction = Direction.OUTBOUND
        print(f"{item.external_ref} ({item.debtor_name}): may be called now")
    else:
        direction = Direction.INBOUND
        print(f"{item.external_ref}: not now ({verdict.reasons[0].value}, next {verdict.next_allowed_at}); the debtor calls in")

    amount = max(item.balance // 10, 1)
    due_on = datetime.date.today() + datetime.timedelta(days=7)
    contact = expect(
        create_contact.sync_detailed(
            item.account_id,
            client=api,
            body=CreateContactRequest(
                channel=Channel.PHONE,
                direction=direction,
                outcome=Outcome.PROMISE_TO_PAY,
                duration_seconds=240,
                notes="agrees to pay a tenth of the balance next week",
                promise=PromiseRequest(amount=amount, due_on=due_on),
            ),
            idempotency_key=str(uuid.uuid4()),  # a retry after a timeout cannot log the call twice
        ),
        201,
    )
    print(f"logged {direction.value} call {contact.id}: promise {contact.arrangement_id} of {amount} due {due_on}")

    payment = expect(
        create_payment.sync_detailed(
            item.account_id,
            client=api,
            body=CreatePaymentRequest(amount=amount, method=PaymentMethod.CARD),
            idempotency_key=str(uuid.uuid4()),
        ),
        201,
    )
    promise = expect(get_arrangement.sync_detailed(contact.arrangement_id, client=api), 200)
    print(f"recorded payment {payment.id} of {payment.amount}; the promise is now {promise.status.value}")
    if promise.status != ArrangementStatus.COMPLETED:
        sys.exit("the payment did not keep the promise")


if __name__ == "__main__":
    main()
