//! The demo's quality reviews and coaching, through the workflows the API uses: a call-quality
//! form, a month of evaluations of the agents' calls (a few fatal, a few disputed, some of those
//! resolved), and coaching sessions with actions done, open and overdue.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use crate::auth::Actor;
use crate::db::evaluations::StoredAnswer;
use crate::db::schema::{contacts as c, users as u};
use crate::db::{Conn, evaluation_forms, from_db_time, to_db_time};
use crate::domain::quality::{EvaluationDisputeOutcome, Question, Scale};
use crate::domain::role::Role;
use crate::error::ApiError;
use crate::workflows::coaching::{self, AgreedAction, NewSession};
use crate::workflows::evaluation::{self, NewEvaluation, Resolution};

/// How many calls of the last 30 days are evaluated.
const EVALUATIONS: usize = 24;

fn questions() -> Vec<Question> {
    let q = |key: &str, text: &str, weight, scale, fatal| Question {
        key: key.into(),
        text: text.into(),
        weight,
        scale,
        fatal,
    };
    vec![
        q(
            "identification",
            "Identified themself and the company",
            10,
            Scale::YesNo,
            false,
        ),
        q(
            "mini_miranda",
            "Gave the mini-Miranda disclosure",
            20,
            Scale::YesNo,
            true,
        ),
        q(
            "right_party",
            "Verified the right party before disclosing the debt",
            20,
            Scale::YesNo,
            true,
        ),
        q(
            "negotiation",
            "Negotiated a plan within policy",
            30,
            Scale::ZeroToFive,
            false,
        ),
        q(
            "tone",
            "Kept a professional, respectful tone",
            20,
            Scale::ZeroToFive,
            false,
        ),
    ]
}

/// Answers for the `k`-th evaluation: mostly good calls, every seventh a fatal failure.
fn answers(k: usize) -> Vec<StoredAnswer> {
    let a = |key: &str, value: Option<i64>| StoredAnswer {
        key: key.into(),
        value,
    };
    let miranda = if k % 7 == 3 { 0 } else { 1 };
    vec![
        a("identification", Some(i64::from(!k.is_multiple_of(5)))),
        a("mini_miranda", Some(miranda)),
        a("right_party", Some(1)),
        a("negotiation", (k % 4 != 2).then_some(2 + (k % 4) as i64)),
        a("tone", Some(3 + (k % 3) as i64)),
    ]
}

fn actor(user: (i64, Role, Option<i64>), now: DateTime<Utc>) -> Actor {
    Actor {
        user_id: user.0,
        role: user.1,
        team_id: user.2,
        request_id: "demo".into(),
        now,
        session_version: 0,
    }
}

/// Seeds the form, the evaluations and the coaching.
pub fn seed(conn: &mut Conn, now: DateTime<Utc>) -> Result<(), ApiError> {
    let staff: Vec<(i64, Role, Option<i64>)> = u::table
        .select((u::id, u::role, u::team_id))
        .order(u::id)
        .load::<(i64, String, Option<i64>)>(conn)?
        .into_iter()
        .filter_map(|(id, role, team)| {
            Some((id, crate::db::stored("users.role", &role).ok()?, team))
        })
        .collect();
    let find = |role: Role| staff.iter().copied().find(|s| s.1 == role);
    let (Some(manager), Some(head), Some(lead)) =
        (find(Role::Manager), find(Role::Head), find(Role::TeamLead))
    else {
        return Ok(());
    };
    let start = now - Duration::days(30);
    let form = evaluation_forms::insert(
        conn,
        &actor(manager, start),
        "Outbound call quality",
        &questions(),
    )?;
    let calls: Vec<(i64, Option<i64>, chrono::NaiveDateTime)> = c::table
        .inner_join(u::table)
        .filter(u::role.eq(Role::Agent.as_str()))
        .filter(c::occurred_at.ge(to_db_time(start)))
        .select((c::id, c::agent_id, c::occurred_at))
        .order(c::id)
        .limit(EVALUATIONS as i64)
        .load(conn)?;
    for (k, (contact, agent, at)) in calls.into_iter().enumerate() {
        let Some(agent) = staff.iter().copied().find(|s| Some(s.0) == agent) else {
            continue;
        };
        // The north lead reviews their team; the manager everyone else.
        let evaluator = if agent.2 == lead.2 { lead } else { manager };
        let at = (from_db_time(at) + Duration::hours(20)).min(now);
        let new = NewEvaluation {
            form_id: form.id,
            answers: answers(k),
            comment: Some("Reviewed from the call recording.".into()),
        };
        let made = evaluation::evaluate(conn, &actor(evaluator, at), contact, new)?;
        if k % 5 == 1 {
            let when = (at + Duration::days(2)).min(now);
            let reason = "The debtor cut the call short; I gave the disclosure on the callback.";
            evaluation::dispute(conn, &actor(agent, when), made.id, reason.into())?;
            if k % 10 == 1 {
                let resolver = if evaluator == manager { head } else { manager };
                let resolution = Resolution {
                    outcome: EvaluationDisputeOutcome::Upheld,
                    score: Some(85.0),
                };
                evaluation::resolve(
                    conn,
                    &actor(resolver, (when + Duration::days(1)).min(now)),
                    made.id,
                    resolution,
                )?;
            }
        } else if k % 3 == 0 {
            evaluation::acknowledge(
                conn,
                &actor(agent, (at + Duration::days(1)).min(now)),
                made.id,
            )?;
        }
    }
    coach(conn, &staff, lead, manager, now)
}

/// For every agent: a session three weeks ago (one action done, one overdue) and one five days
/// ago (an action due next week).
fn coach(
    conn: &mut Conn,
    staff: &[(i64, Role, Option<i64>)],
    lead: (i64, Role, Option<i64>),
    manager: (i64, Role, Option<i64>),
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let today = now.date_naive();
    for agent in staff.iter().copied().filter(|s| s.1 == Role::Agent) {
        let coach = if agent.2 == lead.2 { lead } else { manager };
        let earlier = today - chrono::Days::new(21);
        let first = coaching::record(
            conn,
            &actor(coach, now - Duration::days(21)),
            NewSession {
                agent_id: agent.0,
                held_on: earlier,
                topics: vec![
                    "mini-Miranda disclosure".into(),
                    "objection handling".into(),
                ],
                evaluation_ids: Vec::new(),
                notes: Some("Listened to two calls together.".into()),
                actions: vec![
                    AgreedAction {
                        text: "Read the disclosure script before each shift for a week.".into(),
                        due_on: earlier + chrono::Days::new(7),
                    },
                    AgreedAction {
                        text: "Offer a payment plan before ending any call with a refusal.".into(),
                        due_on: earlier + chrono::Days::new(14),
                    },
                ],
            },
        )?;
        if let Some(done) = first.actions.first() {
            coaching::complete_action(conn, &actor(agent, now - Duration::days(15)), done.id)?;
        }
        coaching::record(
            conn,
            &actor(coach, now - Duration::days(5)),
            NewSession {
                agent_id: agent.0,
                held_on: today - chrono::Days::new(5),
                topics: vec!["tone on difficult calls".into()],
                evaluation_ids: Vec::new(),
                notes: None,
                actions: vec![AgreedAction {
                    text: "Shadow a senior agent for two hours.".into(),
                    due_on: today + chrono::Days::new(7),
                }],
            },
        )?;
    }
    Ok(())
}
