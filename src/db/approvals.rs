//! Approval requests: settlements, write-offs and long plans, decided under tiered authority
//! with four eyes. A decision is one conditional `UPDATE … WHERE status = 'pending'` in the same
//! transaction as its effect and audit event: however many calls race, on however many server
//! instances, exactly one decision lands.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::audit::{self, Change};
use super::schema::{accounts as a, approval_requests as rq};
use super::scope::scope_of;
use super::{Conn, MultiBackend, from_db_time, on_unique, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::authority::Refusal;
use crate::domain::role::Role;
use crate::domain::status::ApprovalStatus;
use crate::error::ApiError;

crate::domain::status::text_enum! {
    /// What is asked for.
    #[schema(example = "settlement")]
    ApprovalKind {
        /// The debtor pays `amount` by `due_on` and the rest is forgiven.
        Settlement => "settlement",
        /// `amount` of the balance is written off.
        WriteOff => "write_off",
        /// A plan longer than its creator may set up (created automatically).
        Arrangement => "arrangement",
        /// A lowering of a balance part beyond its requester's `adjustment_max` (created with
        /// the adjustment; `amount` is how much is lowered, or re-placed).
        Adjustment => "adjustment",
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = rq)]
pub struct ApprovalRow {
    pub id: i64,
    pub account_id: i64,
    pub kind: String,
    pub status: String,
    pub amount: Option<i64>,
    pub due_on: Option<NaiveDate>,
    pub reason: String,
    pub arrangement_id: Option<i64>,
    pub required_role: String,
    pub balance_at_request: i64,
    pub account_version: i64,
    pub requested_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub requested_at: chrono::NaiveDateTime,
    pub decided_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub decided_at: Option<chrono::NaiveDateTime>,
    pub decision_note: Option<String>,
    pub decided_by_strategy: bool,
}

super::columns!(
    APPROVAL_COLUMNS = rq(
        id,
        account_id,
        kind,
        status,
        amount,
        due_on,
        reason,
        arrangement_id,
        required_role,
        balance_at_request,
        account_version,
        requested_by,
        requested_at,
        decided_by,
        decided_at,
        decision_note,
        decided_by_strategy,
    )
);

/// An approval request.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 8, "account_id": 101, "kind": "settlement", "status": "pending", "amount": 150000,
    "due_on": "2026-12-15", "reason": "hardship; lump sum offered", "arrangement_id": null, "required_role": "team_lead",
    "balance_at_request": 182550, "requested_by": 12, "requested_at": "2026-11-22T14:03:00Z",
    "decided_by": null, "decided_at": null, "decision_note": null, "decided_by_strategy": false}))]
pub struct Approval {
    pub id: i64,
    pub account_id: i64,
    pub kind: ApprovalKind,
    pub status: crate::domain::status::ApprovalStatus,
    /// Settlement: what the debtor pays; write-off: what is written off; arrangement: the plan's total.
    pub amount: Option<i64>,
    /// Settlement: pay by this date.
    pub due_on: Option<NaiveDate>,
    pub reason: String,
    pub arrangement_id: Option<i64>,
    /// The lowest role whose limits cover the request under the policy at request time.
    pub required_role: Role,
    /// The balance when requested: a decision after it changed answers 409 `stale-request`.
    pub balance_at_request: i64,
    pub requested_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub requested_at: DateTime<Utc>,
    pub decided_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
    /// Approved at once by the active strategy's standing settlement offer (`decided_by` is
    /// then null).
    pub decided_by_strategy: bool,
}

impl TryFrom<ApprovalRow> for Approval {
    type Error = ApiError;

    fn try_from(r: ApprovalRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            kind: super::stored("approval_requests.kind", &r.kind)?,
            status: super::stored("approval_requests.status", &r.status)?,
            amount: r.amount,
            due_on: r.due_on,
            reason: r.reason,
            arrangement_id: r.arrangement_id,
            required_role: super::stored("approval_requests.required_role", &r.required_role)?,
            balance_at_request: r.balance_at_request,
            requested_by: r.requested_by,
            requested_at: from_db_time(r.requested_at),
            decided_by: r.decided_by,
            decided_at: r.decided_at.map(from_db_time),
            decision_note: r.decision_note,
            decided_by_strategy: r.decided_by_strategy,
        })
    }
}

pub fn json(r: &ApprovalRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// What a new request holds besides its account.
pub struct NewRequest<'a> {
    pub kind: ApprovalKind,
    pub amount: i64,
    pub due_on: Option<NaiveDate>,
    pub reason: &'a str,
    pub arrangement_id: Option<i64>,
    pub required: Role,
}

/// The account as the request saw it: a decision is refused when the balance has moved since.
#[derive(Debug, Clone, Copy)]
pub struct RequestedOn {
    pub account_id: i64,
    pub balance: i64,
    pub version: i64,
}

/// Inserts a pending request on `account` and audits it; a second pending request of one kind
/// on one account is refused (`duplicate-pending`).
pub fn insert(
    conn: &mut Conn,
    actor: &Actor,
    account: RequestedOn,
    new: NewRequest<'_>,
) -> Result<ApprovalRow, ApiError> {
    let NewRequest {
        kind,
        amount,
        due_on,
        reason,
        arrangement_id,
        required,
    } = new;
    let row: ApprovalRow = diesel::insert_into(rq::table)
        .values((
            rq::account_id.eq(account.account_id),
            rq::kind.eq(kind.as_str()),
            rq::status.eq(ApprovalStatus::Pending.as_str()),
            rq::amount.eq(Some(amount)),
            rq::due_on.eq(due_on),
            rq::reason.eq(reason),
            rq::arrangement_id.eq(arrangement_id),
            rq::required_role.eq(required.as_str()),
            rq::balance_at_request.eq(account.balance),
            rq::account_version.eq(account.version),
            rq::requested_by.eq(Some(actor.user_id)),
            rq::requested_at.eq(to_db_time(actor.now)),
        ))
        .returning(APPROVAL_COLUMNS)
        .get_result(conn)
        .map_err(on_unique(|| {
            ApiError::conflict(
                "duplicate-pending",
                format!(
                    "the account already has a pending {} request",
                    kind.as_str()
                ),
            )
        }))?;
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "approval",
            entity_id: row.id,
            action: "approval.requested",
            before: None,
            after: Some(json(&row)),
            account_id: Some(account.account_id),
        },
    )?;
    Ok(row)
}

/// A request, if its account is visible to `actor` (404 otherwise).
pub fn find_visible_row(conn: &mut Conn, actor: &Actor, id: i64) -> Result<ApprovalRow, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<rq::table, a::table>,
        MultiBackend,
    > = rq::table.inner_join(a::table).into_boxed();
    apply_account_scope!(joined, scope_of(actor))
        .filter(rq::id.eq(id))
        .select(ApprovalRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("approval"))
}

pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Approval, ApiError> {
    find_visible_row(conn, actor, id)?.try_into()
}

/// One request as stored now.
pub fn reload(conn: &mut Conn, id: i64) -> Result<ApprovalRow, ApiError> {
    Ok(rq::table
        .find(id)
        .select(ApprovalRow::as_select())
        .first(conn)?)
}

/// Moves a request from `from` to `to` (conditionally, so one of two racing deciders wins),
/// recording who and when for a decision or a withdrawal. `false` when it was not in `from`.
pub fn mark(
    conn: &mut Conn,
    id: i64,
    from: ApprovalStatus,
    to: ApprovalStatus,
    by: Option<&Actor>,
    note: Option<&str>,
) -> Result<bool, ApiError> {
    let target = rq::table.filter(rq::id.eq(id).and(rq::status.eq(from.as_str())));
    let n = match by {
        Some(actor) => diesel::update(target)
            .set((
                rq::status.eq(to.as_str()),
                rq::decided_by.eq(Some(actor.user_id)),
                rq::decided_at.eq(Some(to_db_time(actor.now))),
                rq::decision_note.eq(note),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set(rq::status.eq(to.as_str()))
            .execute(conn)?,
    };
    Ok(n == 1)
}

/// Approves a pending request on a strategy's standing offer: no person decides it.
pub fn approve_by_strategy(
    conn: &mut Conn,
    id: i64,
    at: DateTime<Utc>,
    note: &str,
) -> Result<ApprovalRow, ApiError> {
    let target = rq::table.filter(
        rq::id
            .eq(id)
            .and(rq::status.eq(ApprovalStatus::Pending.as_str())),
    );
    Ok(diesel::update(target)
        .set((
            rq::status.eq(ApprovalStatus::Approved.as_str()),
            rq::decided_at.eq(Some(to_db_time(at))),
            rq::decision_note.eq(Some(note)),
            rq::decided_by_strategy.eq(true),
        ))
        .returning(APPROVAL_COLUMNS)
        .get_result(conn)?)
}

/// The problem a refused decision answers.
pub fn refusal(r: Refusal) -> ApiError {
    match r {
        Refusal::InsufficientAuthority => ApiError::forbidden(
            "insufficient-authority",
            "your role's limits do not cover this request",
        ),
        Refusal::FourEyes => ApiError::forbidden(
            "four-eyes",
            "you made this request; someone else must decide it",
        ),
        Refusal::OutsideTeam => ApiError::not_found("approval"),
        Refusal::NotPending => ApiError::conflict(
            "not-pending",
            "the request has already been decided or cancelled",
        ),
        Refusal::Stale => ApiError::conflict(
            "stale-request",
            "the account's balance changed since the request; request again",
        ),
    }
}

/// Filters of `GET /v1/approvals`.
#[derive(Debug, Clone, Default)]
pub struct ApprovalFilter {
    pub status: Option<ApprovalStatus>,
    pub kind: Option<ApprovalKind>,
    pub account_id: Option<i64>,
    /// Only what the caller may decide now: pending, within their tier, not their own.
    pub actionable: bool,
}

/// Requests on accounts the caller sees, newest first.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    f: &ApprovalFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Approval>, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<rq::table, a::table>,
        MultiBackend,
    > = rq::table.inner_join(a::table).into_boxed();
    let mut q = apply_account_scope!(joined, scope_of(actor));
    if let Some(s) = f.status {
        q = q.filter(rq::status.eq(s.as_str()));
    }
    if let Some(k) = f.kind {
        q = q.filter(rq::kind.eq(k.as_str()));
    }
    if let Some(id) = f.account_id {
        q = q.filter(rq::account_id.eq(id));
    }
    if f.actionable {
        let tiers: Vec<&str> = crate::domain::authority::TIERS
            .iter()
            .filter(|r| actor.role.at_least(**r))
            .map(|r| r.as_str())
            .collect();
        q = q
            .filter(rq::status.eq(ApprovalStatus::Pending.as_str()))
            .filter(rq::required_role.eq_any(tiers))
            .filter(
                rq::requested_by
                    .ne(actor.user_id)
                    .or(rq::requested_by.is_null()),
            );
    }
    if let Some(b) = before {
        q = q.filter(rq::id.lt(b));
    }
    let rows: Vec<ApprovalRow> = q
        .select(ApprovalRow::as_select())
        .order(rq::id.desc())
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(Approval::try_from).collect()
}
