//! Approval requests: settlements, write-offs and long plans, decided under tiered authority
//! with four eyes. A decision is one conditional `UPDATE … WHERE status = 'pending'` in the same
//! transaction as its effect and audit event: however many calls race, on however many server
//! instances, exactly one decision lands.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::accounts::{self as accounts_db, AccountRow};
use super::arrangements::{self, ArrangementRow, ArrangementStatus, move_account};
use super::audit::{self, AuditContext, Change};
use super::schema::{accounts as a, approval_requests as rq, arrangements as ar, payments as p};
use super::scope::scope_of;
use super::{Conn, MultiBackend, approval_policy, from_db_time, on_unique, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::account::AccountStatus;
use crate::domain::authority::{Ask, Decision, DecisionFacts, Refusal, may_decide, required_role};
use crate::domain::role::Role;
use crate::error::ApiError;

/// What is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "settlement")]
pub enum ApprovalKind {
    /// The debtor pays `amount` by `due_on` and the rest is forgiven.
    Settlement,
    /// `amount` of the balance is written off.
    WriteOff,
    /// A plan longer than its creator may set up (created automatically).
    Arrangement,
}

impl ApprovalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Settlement => "settlement",
            Self::WriteOff => "write_off",
            Self::Arrangement => "arrangement",
        }
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
    pub requested_at: chrono::NaiveDateTime,
    pub decided_by: Option<i64>,
    pub decided_at: Option<chrono::NaiveDateTime>,
    pub decision_note: Option<String>,
}

/// An approval request.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 8, "account_id": 101, "kind": "settlement", "status": "pending", "amount": 150000,
    "due_on": "2026-12-15", "reason": "hardship; lump sum offered", "arrangement_id": null, "required_role": "team_lead",
    "balance_at_request": 182550, "requested_by": 12, "requested_at": "2026-11-22T14:03:00Z",
    "decided_by": null, "decided_at": null, "decision_note": null}))]
pub struct Approval {
    pub id: i64,
    pub account_id: i64,
    pub kind: ApprovalKind,
    #[schema(value_type = crate::domain::status::ApprovalStatus)]
    pub status: String,
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
    pub requested_at: DateTime<Utc>,
    pub decided_by: Option<i64>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
}

impl TryFrom<ApprovalRow> for Approval {
    type Error = ApiError;

    fn try_from(r: ApprovalRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            kind: super::stored("approval_requests.kind", &r.kind)?,
            status: r.status,
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
        })
    }
}

fn json(r: &ApprovalRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

fn closed(status: AccountStatus) -> bool {
    matches!(
        status,
        AccountStatus::Paid
            | AccountStatus::Settled
            | AccountStatus::WrittenOff
            | AccountStatus::Closed
    )
}

/// What a new request holds besides its account.
struct NewRequest<'a> {
    kind: ApprovalKind,
    amount: i64,
    due_on: Option<NaiveDate>,
    reason: &'a str,
    arrangement_id: Option<i64>,
    required: Role,
}

fn insert(
    conn: &mut Conn,
    actor: &Actor,
    account: &AccountRow,
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
            rq::account_id.eq(account.id),
            rq::kind.eq(kind.as_str()),
            rq::status.eq("pending"),
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
        .returning((
            rq::id,
            rq::account_id,
            rq::kind,
            rq::status,
            rq::amount,
            rq::due_on,
            rq::reason,
            rq::arrangement_id,
            rq::required_role,
            rq::balance_at_request,
            rq::account_version,
            rq::requested_by,
            rq::requested_at,
            rq::decided_by,
            rq::decided_at,
            rq::decision_note,
        ))
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
            account_id: Some(account.id),
        },
    )?;
    Ok(row)
}

/// Requests a settlement or a write-off on a visible account.
pub fn request(
    conn: &mut Conn,
    actor: &Actor,
    kind: ApprovalKind,
    account_id: i64,
    amount: i64,
    due_on: Option<NaiveDate>,
    reason: &str,
) -> Result<Approval, ApiError> {
    let (account, _) = accounts_db::find_visible_row(conn, actor, account_id)
        .map_err(|_| ApiError::invalid("account_id", "no visible account has this id"))?;
    let status = super::stored::<AccountStatus>("accounts.status", &account.status)?;
    if closed(status) {
        return Err(ApiError::conflict(
            "account-closed",
            format!("the account is {}", status.as_str()),
        ));
    }
    let ask = match kind {
        ApprovalKind::Settlement => {
            if amount <= 0 || amount >= account.balance {
                return Err(ApiError::invalid(
                    "amount",
                    format!(
                        "a settlement must be more than 0 and less than the balance ({})",
                        account.balance
                    ),
                ));
            }
            match due_on {
                None => return Err(ApiError::invalid("due_on", "is required for a settlement")),
                Some(d) if d < actor.now.date_naive() => {
                    return Err(ApiError::invalid("due_on", "must not be in the past"));
                }
                _ => {}
            }
            Ask::Settlement {
                balance: account.balance,
                amount,
            }
        }
        ApprovalKind::WriteOff => {
            if amount <= 0 || amount > account.balance {
                return Err(ApiError::invalid(
                    "amount",
                    format!(
                        "a write-off must be more than 0 and at most the balance ({})",
                        account.balance
                    ),
                ));
            }
            Ask::WriteOff { amount }
        }
        ApprovalKind::Arrangement => {
            return Err(ApiError::invalid(
                "kind",
                "arrangement requests are created with the plan itself",
            ));
        }
    };
    let required = required_role(&approval_policy::current(conn)?, ask);
    let due_on = if kind == ApprovalKind::Settlement {
        due_on
    } else {
        None
    };
    insert(
        conn,
        actor,
        &account,
        NewRequest {
            kind,
            amount,
            due_on,
            reason,
            arrangement_id: None,
            required,
        },
    )?
    .try_into()
}

/// The approval request a plan over its creator's limit needs.
pub fn request_arrangement(
    conn: &mut Conn,
    actor: &Actor,
    account: &AccountRow,
    arrangement: &ArrangementRow,
    installments: i64,
    required: Role,
) -> Result<ApprovalRow, ApiError> {
    let reason = format!(
        "a plan of {installments} installments is longer than a {} may set up",
        actor.role.as_str()
    );
    insert(
        conn,
        actor,
        account,
        NewRequest {
            kind: ApprovalKind::Arrangement,
            amount: arrangement.total_amount,
            due_on: None,
            reason: &reason,
            arrangement_id: Some(arrangement.id),
            required,
        },
    )
}

fn find_row(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
) -> Result<(ApprovalRow, AccountRow), ApiError> {
    let row: ApprovalRow = rq::table
        .find(id)
        .select(ApprovalRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("approval"))?;
    let (account, _) = accounts_db::find_visible_row(conn, actor, row.account_id)
        .map_err(|_| ApiError::not_found("approval"))?;
    Ok((row, account))
}

pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Approval, ApiError> {
    find_row(conn, actor, id)?.0.try_into()
}

fn refusal(r: Refusal) -> ApiError {
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

/// Approves or rejects a pending request, with its effect, in the caller's transaction.
pub fn decide(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    decision: Decision,
    note: Option<&str>,
) -> Result<Approval, ApiError> {
    let approve = decision == Decision::Approve;
    let (row, account) = find_row(conn, actor, id)?;
    let facts = DecisionFacts {
        caller: actor.role,
        caller_id: actor.user_id,
        caller_team: actor.team_id,
        requester_id: row.requested_by,
        required_role: super::stored::<Role>(
            "approval_requests.required_role",
            &row.required_role,
        )?,
        account_team: account.team_id,
        pending: row.status == "pending",
        balance_at_request: row.balance_at_request,
        balance_now: account.balance,
    };
    may_decide(&facts).map_err(refusal)?;
    let status = if approve { "approved" } else { "rejected" };
    let at = to_db_time(actor.now);
    let won = diesel::update(rq::table.filter(rq::id.eq(id).and(rq::status.eq("pending"))))
        .set((
            rq::status.eq(status),
            rq::decided_by.eq(Some(actor.user_id)),
            rq::decided_at.eq(Some(at)),
            rq::decision_note.eq(note),
        ))
        .execute(conn)?
        == 1;
    if !won {
        return Err(refusal(Refusal::NotPending));
    }
    let ctx: AuditContext = actor.into();
    let kind: ApprovalKind = super::stored("approval_requests.kind", &row.kind)?;
    match (kind, approve) {
        (ApprovalKind::WriteOff, true) => write_off(conn, &ctx, &account, row.amount.unwrap_or(0))?,
        (ApprovalKind::Arrangement, true) => activate_plan(conn, &ctx, row.arrangement_id)?,
        (ApprovalKind::Arrangement, false) => cancel_plan(conn, &ctx, row.arrangement_id)?,
        // An approved settlement is an offer: payments reaching its amount by `due_on` settle the account.
        _ => {}
    }
    let after: ApprovalRow = rq::table
        .find(id)
        .select(ApprovalRow::as_select())
        .first(conn)?;
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "approval",
            entity_id: id,
            action: if approve {
                "approval.approved"
            } else {
                "approval.rejected"
            },
            before: Some(json(&row)),
            after: Some(json(&after)),
            account_id: Some(row.account_id),
        },
    )?;
    after.try_into()
}

fn write_off(
    conn: &mut Conn,
    ctx: &AuditContext,
    account: &AccountRow,
    amount: i64,
) -> Result<(), ApiError> {
    let done = diesel::update(a::table.filter(a::id.eq(account.id).and(a::balance.ge(amount))))
        .set((
            a::balance.eq(a::balance - amount),
            a::written_off_amount.eq(a::written_off_amount + amount),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    if done == 0 {
        return Err(refusal(Refusal::Stale));
    }
    let balance = account.balance - amount;
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "account",
            entity_id: account.id,
            action: "account.written_off",
            before: Some(serde_json::json!({"balance": account.balance})),
            after: Some(serde_json::json!({"balance": balance, "written_off": amount})),
            account_id: Some(account.id),
        },
    )?;
    if balance == 0 {
        if let Some(live) = arrangements::active_of(conn, account.id)? {
            arrangements::end(
                conn,
                ctx,
                &live,
                ArrangementStatus::Cancelled,
                "arrangement.cancelled",
            )?;
        }
        arrangements::move_if_allowed(conn, ctx, account.id, AccountStatus::WrittenOff)?;
    }
    Ok(())
}

fn activate_plan(
    conn: &mut Conn,
    ctx: &AuditContext,
    arrangement_id: Option<i64>,
) -> Result<(), ApiError> {
    let Some(id) = arrangement_id else {
        return Ok(());
    };
    let row: ArrangementRow = ar::table
        .find(id)
        .select(ArrangementRow::as_select())
        .first(conn)?;
    let activated = diesel::update(
        ar::table.filter(
            ar::id
                .eq(id)
                .and(ar::status.eq(ArrangementStatus::PendingApproval.as_str())),
        ),
    )
    .set((
        ar::status.eq(ArrangementStatus::Active.as_str()),
        ar::updated_at.eq(to_db_time(ctx.now)),
    ))
    .execute(conn)?
        == 1;
    if activated {
        audit::record(
            conn,
            ctx,
            Change {
                entity_type: "arrangement",
                entity_id: id,
                action: "arrangement.approved",
                before: Some(serde_json::json!({"status": row.status})),
                after: Some(serde_json::json!({"status": "active"})),
                account_id: Some(row.account_id),
            },
        )?;
        move_account(
            conn,
            ctx,
            row.account_id,
            AccountStatus::Open,
            AccountStatus::InArrangement,
        )?;
    }
    Ok(())
}

fn cancel_plan(
    conn: &mut Conn,
    ctx: &AuditContext,
    arrangement_id: Option<i64>,
) -> Result<(), ApiError> {
    let Some(id) = arrangement_id else {
        return Ok(());
    };
    let row: ArrangementRow = ar::table
        .find(id)
        .select(ArrangementRow::as_select())
        .first(conn)?;
    arrangements::end(
        conn,
        ctx,
        &row,
        ArrangementStatus::Cancelled,
        "arrangement.cancelled",
    )?;
    Ok(())
}

/// The requester withdraws a pending request (a plan awaiting approval is cancelled with it).
pub fn cancel(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Approval, ApiError> {
    let (row, _) = find_row(conn, actor, id)?;
    if row.requested_by != Some(actor.user_id) {
        return Err(ApiError::forbidden(
            "not-requester",
            "only the requester may cancel a request",
        ));
    }
    let won = diesel::update(rq::table.filter(rq::id.eq(id).and(rq::status.eq("pending"))))
        .set((
            rq::status.eq("cancelled"),
            rq::decided_by.eq(Some(actor.user_id)),
            rq::decided_at.eq(Some(to_db_time(actor.now))),
        ))
        .execute(conn)?
        == 1;
    if !won {
        return Err(refusal(Refusal::NotPending));
    }
    let ctx: AuditContext = actor.into();
    if super::stored::<ApprovalKind>("approval_requests.kind", &row.kind)?
        == ApprovalKind::Arrangement
    {
        cancel_plan(conn, &ctx, row.arrangement_id)?;
    }
    let after: ApprovalRow = rq::table
        .find(id)
        .select(ApprovalRow::as_select())
        .first(conn)?;
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "approval",
            entity_id: id,
            action: "approval.cancelled",
            before: Some(json(&row)),
            after: Some(json(&after)),
            account_id: Some(row.account_id),
        },
    )?;
    after.try_into()
}

/// Filters of `GET /v1/approvals`.
#[derive(Debug, Clone, Default)]
pub struct ApprovalFilter {
    pub status: Option<crate::domain::status::ApprovalStatus>,
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
            .filter(rq::status.eq("pending"))
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

/// An account's pending requests (shown on the account).
pub fn pending_for(conn: &mut Conn, account_id: i64) -> Result<Vec<Approval>, ApiError> {
    let rows: Vec<ApprovalRow> = rq::table
        .filter(rq::account_id.eq(account_id).and(rq::status.eq("pending")))
        .select(ApprovalRow::as_select())
        .order(rq::id)
        .load(conn)?;
    rows.into_iter().map(Approval::try_from).collect()
}

/// After a payment: when an approved settlement's amount has been paid by its date, the rest is
/// forgiven and the account is `settled`. Returns whether it settled.
pub fn settle_if_paid(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    received_on: NaiveDate,
) -> Result<bool, ApiError> {
    let offer: Option<ApprovalRow> = rq::table
        .filter(
            rq::account_id
                .eq(account_id)
                .and(rq::kind.eq("settlement"))
                .and(rq::status.eq("approved")),
        )
        .select(ApprovalRow::as_select())
        .first(conn)
        .optional()?;
    let Some(offer) = offer else { return Ok(false) };
    let (Some(amount), Some(due_on), Some(since)) = (offer.amount, offer.due_on, offer.decided_at)
    else {
        return Ok(false);
    };
    if received_on > due_on {
        return Ok(false);
    }
    let paid: Vec<i64> = p::table
        .filter(
            p::account_id
                .eq(account_id)
                .and(p::reversed_at.is_null())
                .and(p::recovery.eq(false))
                .and(p::created_at.ge(since)),
        )
        .select(p::amount)
        .load(conn)?;
    if paid.iter().sum::<i64>() < amount {
        return Ok(false);
    }
    let fulfilled =
        diesel::update(rq::table.filter(rq::id.eq(offer.id).and(rq::status.eq("approved"))))
            .set(rq::status.eq("fulfilled"))
            .execute(conn)?
            == 1;
    if !fulfilled {
        return Ok(false);
    }
    let account: AccountRow = a::table
        .find(account_id)
        .select(AccountRow::as_select())
        .first(conn)?;
    let forgiven = account.balance;
    diesel::update(a::table.find(account_id))
        .set((
            a::balance.eq(0),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "approval",
            entity_id: offer.id,
            action: "settlement.fulfilled",
            before: Some(serde_json::json!({"balance": account.balance})),
            after: Some(serde_json::json!({"balance": 0, "forgiven": forgiven})),
            account_id: Some(account_id),
        },
    )?;
    if let Some(live) = arrangements::active_of(conn, account_id)? {
        arrangements::end(
            conn,
            ctx,
            &live,
            ArrangementStatus::Completed,
            "arrangement.completed",
        )?;
    }
    arrangements::move_if_allowed(conn, ctx, account_id, AccountStatus::Settled)?;
    Ok(true)
}

/// Approved settlements not paid by `due_on` lapse (the sweep). Returns how many.
pub fn lapse(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let today = now.date_naive();
    let due: Vec<ApprovalRow> = rq::table
        .filter(
            rq::kind
                .eq("settlement")
                .and(rq::status.eq("approved"))
                .and(rq::due_on.lt(today)),
        )
        .select(ApprovalRow::as_select())
        .load(conn)?;
    let ctx = AuditContext {
        actor_id: None,
        request_id: Some("sweep".into()),
        now,
    };
    let mut n = 0;
    for row in due {
        if diesel::update(rq::table.filter(rq::id.eq(row.id).and(rq::status.eq("approved"))))
            .set(rq::status.eq("lapsed"))
            .execute(conn)?
            == 1
        {
            audit::record(
                conn,
                &ctx,
                Change {
                    entity_type: "approval",
                    entity_id: row.id,
                    action: "settlement.lapsed",
                    before: Some(json(&row)),
                    after: Some(serde_json::json!({"status": "lapsed"})),
                    account_id: Some(row.account_id),
                },
            )?;
            n += 1;
        }
    }
    Ok(n)
}
