//! What the steps a strategy run took do, for a whole batch at once: `sms` / `email` / `letter`
//! communications checked by the contact rules (the same `compliance::evaluate` the contact log
//! uses), `review` tasks for the team lead, `escalate` escalations to the team lead. `call`
//! (the queue reads it) and `settlement_offer` (the approval request reads it) are the step rows
//! themselves. Every step and everything it made gets its audit event, inserted in bulk.

use std::collections::HashMap;

use serde_json::json;

use crate::db::accounts::AccountAndDebtor;
use crate::db::audit::{self, AuditContext, Change, NewEvent};
use crate::db::communications::{
    self, CommunicationRow, CommunicationStatus, MessageChannel, NewCommunication,
};
use crate::db::escalations::{self, EscalationTier, NewEscalation};
use crate::db::strategies::Definition;
use crate::db::strategy_entries::EntryRow;
use crate::db::strategy_runs::RunCounts;
use crate::db::strategy_steps::TakenStep;
use crate::db::tasks::{self, NewTask, TaskKind, TaskStatus};
use crate::db::{Conn, contact_policy, contacts, to_db_time};
use crate::domain::compliance::{Direction, evaluate};
use crate::domain::contact_policy::ContactPolicy;
use crate::domain::strategy::{Arm, Segment, Step, StepAction};
use crate::error::ApiError;
use chrono::{DateTime, NaiveDate, Utc};

/// What a run works with.
pub struct Plan {
    pub run_id: i64,
    pub strategy_id: i64,
    pub strategy_name: String,
    pub definition: Definition,
    pub started_by: Option<i64>,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
}

impl Plan {
    pub fn segments(&self, arm: Arm) -> &[Segment] {
        match (arm, &self.definition.challenger) {
            (Arm::Challenger, Some(c)) => &c.segments,
            _ => &self.definition.segments,
        }
    }

    pub fn share(&self) -> Option<i64> {
        self.definition.challenger.as_ref().map(|c| c.share_percent)
    }

    /// The segment of this name in the arm.
    pub fn segment(&self, arm: Arm, name: &str) -> Option<&Segment> {
        self.segments(arm).iter().find(|s| s.name == name)
    }
}

/// A step this run took, with its entry and account.
pub struct Taken<'a> {
    pub step: TakenStep,
    pub entry: &'a EntryRow,
    pub account: &'a AccountAndDebtor,
}

/// Acts on the steps taken; answers the steps per action and the communications blocked.
pub fn act(conn: &mut Conn, plan: &Plan, taken: &[Taken<'_>]) -> Result<RunCounts, ApiError> {
    let mut counts = RunCounts::default();
    if taken.is_empty() {
        return Ok(counts);
    }
    let ctx = AuditContext {
        actor_id: plan.started_by,
        request_id: Some(format!("strategy-run-{}", plan.run_id)),
        now: plan.now,
    };
    let policy = contact_policy::current(conn)?;
    let mut events = Vec::with_capacity(taken.len());
    let mut acted = Vec::with_capacity(taken.len());
    let mut messages = Vec::new();
    let mut reviews = Vec::new();
    let mut escalations_new = Vec::new();
    for t in taken {
        let Some(step) = step_of(plan, t)? else {
            continue;
        };
        *counts.actions.entry(step.action).or_default() += 1;
        acted.push((t, step));
        match step.action {
            StepAction::Sms | StepAction::Email | StepAction::Letter => {
                let message = message(plan, &policy, t, step)?;
                if message.status == CommunicationStatus::Blocked.as_str() {
                    counts.blocked += 1;
                }
                messages.push(message);
            }
            StepAction::Review => reviews.push(t),
            StepAction::Escalate => escalations_new.push(NewEscalation::by_system(
                t.entry.account_id,
                format!(
                    "strategy \"{}\", segment \"{}\", day {}",
                    plan.strategy_name, t.entry.segment, step.day
                ),
                EscalationTier::TeamLead,
                plan.now,
            )),
            StepAction::Call | StepAction::SettlementOffer => {}
        }
    }
    // A communication's creation is recorded in its step's event (its own stream starts when it
    // is sent, fails or is blocked): one audit row per step, not two.
    let made = communications::insert(conn, &messages)?;
    let by_step: HashMap<i64, &CommunicationRow> = made
        .iter()
        .filter_map(|r| r.step_id.map(|s| (s, r)))
        .collect();
    for (t, step) in acted {
        let made = by_step.get(&t.step.id).copied();
        events.push(step_event(&ctx, plan, t, step, made));
    }
    let new_tasks = review_tasks(conn, plan, &reviews)?;
    for row in tasks::insert(conn, &new_tasks)? {
        events.push(created(
            &ctx,
            "task",
            row.id,
            "task.created",
            tasks::json(&row),
            row.account_id,
        ));
    }
    for row in escalations::insert_many(conn, &escalations_new)? {
        events.push(created(
            &ctx,
            "escalation",
            row.id,
            "escalation.raised",
            escalations::row_json(&row),
            row.account_id,
        ));
    }
    audit::insert_first_events(conn, &events)?;
    Ok(counts)
}

fn step_of<'p>(plan: &'p Plan, t: &Taken<'_>) -> Result<Option<&'p Step>, ApiError> {
    let segment = plan.segment(t.entry.arm()?, &t.entry.segment);
    Ok(segment.and_then(|s| s.treatment.get(usize::try_from(t.step.step_index).ok()?)))
}

fn step_event(
    ctx: &AuditContext,
    plan: &Plan,
    t: &Taken<'_>,
    step: &Step,
    communication: Option<&CommunicationRow>,
) -> NewEvent {
    let mut after = json!({
        "id": t.step.id, "strategy_id": plan.strategy_id, "run_id": plan.run_id,
        "entry_id": t.entry.id, "segment": t.entry.segment, "arm": t.entry.arm,
        "entered_on": t.entry.entered_on, "step_index": t.step.step_index, "day": step.day,
        "action": step.action, "template": step.template, "discount_percent": step.discount_percent,
    });
    if let Some(c) = communication {
        after["communication"] = communications::json(c);
    }
    created(
        ctx,
        "strategy_step",
        t.step.id,
        "strategy.step_taken",
        after,
        t.entry.account_id,
    )
}

fn created(
    ctx: &AuditContext,
    entity_type: &str,
    id: i64,
    action: &str,
    after: serde_json::Value,
    account_id: i64,
) -> NewEvent {
    audit::first_event(
        ctx,
        Change {
            entity_type,
            entity_id: id,
            action,
            before: None,
            after: Some(after),
            account_id: Some(account_id),
        },
    )
}

/// The communication a message step asks for: `blocked` with the reasons when a lasting rule
/// forbids it, `pending` with `send_after` when only the time of day does, else `pending`.
fn message(
    plan: &Plan,
    policy: &ContactPolicy,
    t: &Taken<'_>,
    step: &Step,
) -> Result<NewCommunication, ApiError> {
    let channel = match step.action {
        StepAction::Sms => MessageChannel::Sms,
        StepAction::Email => MessageChannel::Email,
        _ => MessageChannel::Letter,
    };
    let AccountAndDebtor { account, debtor } = t.account;
    let rules = policy.rules_for(debtor.region.as_deref());
    let subject = contacts::subject(account, debtor)?;
    let verdict = evaluate(
        channel.channel(),
        Direction::Outbound,
        plan.now,
        &subject,
        &[],
        &rules,
    );
    let blocked = !verdict.allowed && verdict.next_allowed_at.is_none();
    let (status, reasons) = if blocked {
        let lasting: Vec<_> = verdict
            .reasons
            .iter()
            .filter(|r| !r.is_temporal())
            .collect();
        let reasons = serde_json::to_string(&lasting).map_err(ApiError::internal)?;
        (CommunicationStatus::Blocked, Some(reasons))
    } else {
        (CommunicationStatus::Pending, None)
    };
    Ok(NewCommunication {
        account_id: account.id,
        step_id: Some(t.step.id),
        channel: channel.as_str().to_owned(),
        template: step.template.clone().unwrap_or_default(),
        status: status.as_str().to_owned(),
        reasons,
        send_after: verdict.next_allowed_at.map(to_db_time),
        created_at: to_db_time(plan.now),
    })
}

/// A review task per step, for the account's team lead, due the day it is made.
fn review_tasks(
    conn: &mut Conn,
    plan: &Plan,
    reviews: &[&Taken<'_>],
) -> Result<Vec<NewTask>, ApiError> {
    if reviews.is_empty() {
        return Ok(vec![]);
    }
    let mut teams: Vec<i64> = reviews
        .iter()
        .filter_map(|t| t.account.account.team_id)
        .collect();
    teams.sort_unstable();
    teams.dedup();
    let leads: HashMap<i64, i64> = tasks::team_leads(conn, &teams)?;
    Ok(reviews
        .iter()
        .map(|t| NewTask {
            account_id: t.entry.account_id,
            step_id: Some(t.step.id),
            kind: TaskKind::Review.as_str().to_owned(),
            status: TaskStatus::Open.as_str().to_owned(),
            assignee_id: t
                .account
                .account
                .team_id
                .and_then(|team| leads.get(&team).copied()),
            due_on: plan.today,
            created_at: to_db_time(plan.now),
        })
        .collect())
}
