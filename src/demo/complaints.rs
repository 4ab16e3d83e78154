//! The demo's complaints and satisfaction answers: complaints of every source and several
//! categories over the last 60 days — some closed with findings (one with monetary relief), some
//! responded to, some overdue — and survey answers across the agents.

use crate::auth::Actor;
use crate::db::Conn;
use crate::db::satisfaction::SurveyChannel;
use crate::domain::complaint::{
    ComplaintCategory as Cat, ComplaintSource as Src, Remedy, RootCause,
};
use crate::error::ApiError;
use crate::workflows::complaint::{self, CloseComplaint, NewComplaint};
use crate::workflows::satisfaction::{self, Answer};

/// (source, category, days ago, what happened: 0 open, 1 responded, 2 closed)
const COMPLAINTS: [(Src, Cat, i64, u8); 10] = [
    (Src::Cfpb, Cat::WrongAmount, 40, 2),
    (Src::Direct, Cat::CommunicationTactics, 35, 2),
    (Src::StateRegulator, Cat::ValidationNotice, 28, 1),
    (Src::Cfpb, Cat::DebtNotOwed, 20, 0),
    (Src::Client, Cat::PaymentHandling, 18, 2),
    (Src::Direct, Cat::AgentConduct, 12, 1),
    (Src::Other, Cat::Privacy, 9, 0),
    (Src::Direct, Cat::FalseStatements, 6, 2),
    (Src::Cfpb, Cat::ThreatenedAction, 3, 0),
    (Src::Direct, Cat::Other, 1, 0),
];

const FINDINGS: [(RootCause, bool, Remedy, Option<i64>); 4] = [
    (RootCause::ClientError, true, Remedy::Monetary, Some(2_500)),
    (RootCause::AgentError, true, Remedy::NonMonetary, None),
    (RootCause::ProcessGap, false, Remedy::None, None),
    (RootCause::NoFault, false, Remedy::None, None),
];

/// Accounts of `ids` still in collection with no pending request (a relief would make one
/// stale), from the last: the demo's other history starts with the first.
fn in_collection(conn: &mut Conn, ids: &[i64]) -> Result<Vec<i64>, ApiError> {
    use crate::db::schema::{accounts as a, approval_requests as rq};
    use diesel::prelude::*;
    let pending = rq::table
        .filter(rq::account_id.eq(a::id))
        .filter(rq::status.eq("pending"));
    Ok(a::table
        .filter(a::id.eq_any(ids))
        .filter(a::status.eq_any(["open", "in_arrangement"]))
        .filter(diesel::dsl::not(diesel::dsl::exists(pending)))
        .select(a::id)
        .order(a::id.desc())
        .load(conn)?)
}

/// Complaints on accounts still in collection, and survey answers on every fourth account.
pub fn seed(conn: &mut Conn, head: &Actor, ids: &[i64]) -> Result<(), ApiError> {
    let mut closed = 0;
    let open = in_collection(conn, ids)?;
    for (k, (id, (source, category, days, fate))) in open.iter().zip(COMPLAINTS).enumerate() {
        let new = NewComplaint {
            source,
            category,
            description: format!("{} complaint received {days} days ago", category.as_str()),
            received_at: Some(head.now - chrono::Duration::days(days)),
            against_user_id: None,
            external_ref: (source == Src::Cfpb).then(|| format!("CFPB-DEMO-{k:04}")),
        };
        let made = complaint::record(conn, head, *id, new)?;
        if fate >= 1 {
            let response = "We have received your complaint and are reviewing the account.";
            complaint::respond(conn, head, made.id, response.into())?;
        }
        if fate == 2 {
            let (root_cause, justified, remedy, monetary_relief) =
                FINDINGS[closed % FINDINGS.len()];
            closed += 1;
            let close = CloseComplaint {
                root_cause,
                justified,
                remedy,
                monetary_relief,
                response: Some("Our review is complete; the findings are on file.".into()),
            };
            complaint::close(conn, head, made.id, close)?;
        }
    }
    let scores = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4];
    for (k, id) in ids.iter().step_by(4).enumerate() {
        let answer = Answer {
            score: scores[k % scores.len()],
            channel: if k % 3 == 0 {
                SurveyChannel::Sms
            } else {
                SurveyChannel::Ivr
            },
            contact_id: None,
            comment: (k % 5 == 0).then(|| "The agent explained the plan clearly.".to_owned()),
        };
        satisfaction::record(conn, head, *id, answer)?;
    }
    Ok(())
}
