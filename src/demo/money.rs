//! The demo's money in parts: adjustments (a fee waived, interest accrued, court costs, and an
//! agent's goodwill waiting for a team lead), and one reconciliation of a card processor's file
//! with an exception of every kind, all through the workflows the API uses.

use diesel::prelude::*;

use crate::auth::Actor;
use crate::db::payments::{NewPayment, PaymentMethod};
use crate::db::schema::{accounts as a, approval_requests as rq, payments as p};
use crate::db::{Conn, accounts};
use crate::domain::adjustment::AdjustmentReason;
use crate::domain::parts::Component;
use crate::domain::role::Role;
use crate::error::ApiError;
use crate::workflows::adjustment::{self, AdjustmentAsk};
use crate::workflows::reconciliation::{self, FileRow, RemittanceFile};
use crate::workflows::{Initiator, payment};

/// Open accounts among `ids` with fees, an assignee and no pending request (so the demo's
/// settlements stay decidable), in order, with their assignee and team.
fn open_accounts(conn: &mut Conn, ids: &[i64]) -> Result<Vec<(i64, i64, Option<i64>)>, ApiError> {
    let pending = rq::table
        .filter(rq::account_id.eq(a::id))
        .filter(rq::status.eq("pending"));
    Ok(a::table
        .filter(a::id.eq_any(ids))
        .filter(diesel::dsl::not(diesel::dsl::exists(pending)))
        .filter(a::status.eq("open"))
        .filter(a::fees.gt(0))
        .filter(a::assignee_id.is_not_null())
        .select((a::id, a::assignee_id.assume_not_null(), a::team_id))
        .order(a::id)
        .load(conn)?)
}

/// A few adjustments: applied by the head, and one agent's goodwill pending for a team lead.
pub fn adjustments(conn: &mut Conn, head: &Actor, ids: &[i64]) -> Result<(), ApiError> {
    let open = open_accounts(conn, ids)?;
    let asks = [
        (
            Component::Fees,
            -1_500,
            AdjustmentReason::FeeWaiver,
            "late fee waived: first missed payment",
        ),
        (
            Component::Interest,
            2_400,
            AdjustmentReason::InterestAccrual,
            "contract interest for the month",
        ),
        (
            Component::Costs,
            15_000,
            AdjustmentReason::CourtCosts,
            "filing fee, county court",
        ),
        (
            Component::Fees,
            -500,
            AdjustmentReason::BillingError,
            "fee charged twice by the client",
        ),
    ];
    for ((id, _, _), (component, amount, reason, note)) in open.iter().zip(asks) {
        let account = accounts::row(conn, *id)?;
        let ask = AdjustmentAsk {
            component,
            amount,
            reason,
            note: note.into(),
        };
        adjustment::make(conn, Initiator::User(head), &account, &ask)?;
    }
    if let Some((id, agent, team)) = open.get(asks.len()) {
        let agent = Actor {
            user_id: *agent,
            role: Role::Agent,
            team_id: *team,
            ..head.clone()
        };
        let account = accounts::row(conn, *id)?;
        let ask = AdjustmentAsk {
            component: Component::Fees,
            amount: -1_000,
            reason: AdjustmentReason::Goodwill,
            note: "debtor in hospital last month; waive the late fee".into(),
        };
        adjustment::make(conn, Initiator::User(&agent), &account, &ask)?;
    }
    Ok(())
}

/// One reconciliation of the last 30 days' card and ACH payments: the file holds them all but
/// one (an `unmatched_payment`), one at another amount under its reference (`amount_mismatch`),
/// a payment not recorded on a known account and a row for an unknown account (`unmatched_row`).
pub fn reconciliation(conn: &mut Conn, head: &Actor, ids: &[i64]) -> Result<(), ApiError> {
    let today = head.now.date_naive();
    let from = today - chrono::Days::new(30);
    let open = open_accounts(conn, ids)?;
    let Some(&(with_reference, _, _)) = open.first() else {
        return Ok(());
    };
    let referenced = NewPayment {
        amount: 4_200,
        method: PaymentMethod::Card,
        reference: Some("ACME-77812".into()),
        received_on: today - chrono::Days::new(6),
    };
    payment::record(conn, head, with_reference, referenced)?;
    let methods = ["card", "ach"];
    let recorded: Vec<(String, i64, chrono::NaiveDate, Option<String>)> = p::table
        .inner_join(a::table)
        .filter(p::received_on.between(from, today))
        .filter(p::method.eq_any(methods))
        .filter(p::reversed_at.is_null())
        .select((a::external_ref, p::amount, p::received_on, p::reference))
        .order(p::id)
        .load(conn)?;
    let mut rows: Vec<FileRow> = recorded
        .into_iter()
        .skip(1)
        .map(|(external_ref, amount, received_on, reference)| FileRow {
            line: 0,
            amount: if reference.is_some() {
                amount + 100
            } else {
                amount
            },
            external_ref,
            received_on,
            reference,
        })
        .collect();
    let known: String = a::table
        .find(open.last().map_or(with_reference, |o| o.0))
        .select(a::external_ref)
        .first(conn)?;
    for (external_ref, amount) in [(known, 2_500), ("ACME-UNKNOWN-9".to_owned(), 1_000)] {
        rows.push(FileRow {
            line: 0,
            external_ref,
            amount,
            received_on: today - chrono::Days::new(2),
            reference: None,
        });
    }
    for (i, row) in rows.iter_mut().enumerate() {
        row.line = i64::try_from(i).unwrap_or(0) + 2;
    }
    let file = RemittanceFile {
        source: "Acme card processor, last 30 days".into(),
        from,
        to: today,
        methods: vec![PaymentMethod::Ach, PaymentMethod::Card],
        rows,
    };
    reconciliation::run(conn, Initiator::User(head), file)?;
    Ok(())
}
