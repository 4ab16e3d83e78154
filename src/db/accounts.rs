//! Accounts: placement, scoped reads and lists, descriptive updates under optimistic concurrency.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::audit::{self, AuditContext, Change};
use super::debtors::{Debtor, DebtorRow};
use super::ledger::{LedgerKind, Movement};
use super::schema::{accounts as a, debtors as d};
use super::scope::scope_of;
use super::{Conn, MultiBackend, from_db_time, on_unique, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::account::{AccountStatus, AgingBucket, aging_bucket, days_past_due};
use crate::domain::parts::Parts;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = a)]
pub struct AccountRow {
    pub id: i64,
    pub external_ref: String,
    pub debtor_id: i64,
    pub currency: String,
    pub original_amount: i64,
    pub balance: i64,
    pub delinquent_since: NaiveDate,
    pub status: String,
    pub portfolio: Option<String>,
    pub team_id: Option<i64>,
    pub assignee_id: Option<i64>,
    pub version: i64,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub updated_at: chrono::NaiveDateTime,
    pub deceased: bool,
    pub bankruptcy: bool,
    pub principal: i64,
    pub interest: i64,
    pub fees: i64,
    pub costs: i64,
    /// Open (or in-progress) complaints on the account.
    pub open_complaints: i64,
    /// Of those, the ones whose category pauses collection.
    pub complaint_pauses: i64,
}

impl AccountRow {
    /// The balance's parts.
    pub fn parts(&self) -> Parts {
        Parts {
            principal: self.principal,
            interest: self.interest,
            fees: self.fees,
            costs: self.costs,
        }
    }
}

super::columns!(pub ACCOUNT_COLUMNS = a(
    id,
    external_ref,
    debtor_id,
    currency,
    original_amount,
    balance,
    delinquent_since,
    status,
    portfolio,
    team_id,
    assignee_id,
    version,
    created_at,
    updated_at,
    deceased,
    bankruptcy,
    principal,
    interest,
    fees,
    costs,
    open_complaints,
    complaint_pauses,
));

/// A delinquent account: what is owed, by whom, how old, who works it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 101, "external_ref": "ACC-2026-000101", "debtor_id": 7,
    "debtor": {"id": 7, "external_ref": "CUST-0042", "name": "Jordan Reyes", "phone": "+16125550123", "phone_valid": true,
        "email": null, "timezone": "America/Chicago", "region": "MN", "cease_communication": false, "do_not_call": false,
        "do_not_email": false, "do_not_sms": false, "attorney_represented": false, "additional_timezones": [],
        "created_at": "2026-11-22T14:03:00Z", "updated_at": "2026-11-22T14:03:00Z"},
    "currency": "USD", "original_amount": 250000, "balance": 182550,
    "balance_components": {"principal": 170000, "interest": 10050, "fees": 2500, "costs": 0}, "delinquent_since": "2026-08-14",
    "days_past_due": 100, "aging_bucket": "91-120", "status": "open", "portfolio": "cards-2026q3",
    "team_id": 3, "assignee_id": 12, "version": 4, "deceased": false, "bankruptcy": false, "open_complaints": 0,
    "created_at": "2026-11-22T14:03:00Z", "updated_at": "2026-11-22T14:03:00Z"
}))]
pub struct Account {
    pub id: i64,
    /// The placing client's reference; unique.
    pub external_ref: String,
    pub debtor_id: i64,
    pub debtor: Debtor,
    /// ISO 4217.
    pub currency: String,
    /// Minor units (cents).
    pub original_amount: i64,
    /// Minor units (cents); what is owed now.
    pub balance: i64,
    /// The balance in parts (each ≥ 0, summing to `balance`). Payments pay them in the order of
    /// the allocation policy; write-offs and settlement forgiveness take fees, then interest, then
    /// costs, then principal.
    pub balance_components: Parts,
    pub delinquent_since: NaiveDate,
    /// Whole days since `delinquent_since`, as of today (UTC); never stored.
    pub days_past_due: i64,
    pub aging_bucket: AgingBucket,
    pub status: AccountStatus,
    pub portfolio: Option<String>,
    pub team_id: Option<i64>,
    /// The agent currently working the account.
    pub assignee_id: Option<i64>,
    /// Grows with every change; the `ETag` is `"<version>"`.
    pub version: i64,
    /// A contact reported the debtor deceased: collection needs the team lead's review.
    pub deceased: bool,
    /// A contact reported a bankruptcy: collection needs the team lead's review.
    pub bankruptcy: bool,
    /// The account's pending approval requests (`GET /v1/accounts/{id}` only; absent in lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_approvals: Option<Vec<super::approvals::Approval>>,
    /// Open or in-progress complaints on the account (`GET /v1/complaints?account_id=` lists
    /// them).
    pub open_complaints: i64,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: DateTime<Utc>,
}

/// Builds the representation (derived fields as of `today`).
pub fn to_account(
    row: AccountRow,
    debtor: DebtorRow,
    today: NaiveDate,
) -> Result<Account, ApiError> {
    let status: AccountStatus = super::stored("accounts.status", &row.status)?;
    let dpd = days_past_due(row.delinquent_since, today);
    let balance_components = row.parts();
    Ok(Account {
        id: row.id,
        external_ref: row.external_ref,
        debtor_id: row.debtor_id,
        debtor: debtor.into(),
        currency: row.currency,
        original_amount: row.original_amount,
        balance: row.balance,
        delinquent_since: row.delinquent_since,
        days_past_due: dpd,
        aging_bucket: aging_bucket(dpd),
        status,
        portfolio: row.portfolio,
        team_id: row.team_id,
        assignee_id: row.assignee_id,
        version: row.version,
        deceased: row.deceased,
        bankruptcy: row.bankruptcy,
        balance_components,
        pending_approvals: None,
        open_complaints: row.open_complaints,
        created_at: from_db_time(row.created_at),
        updated_at: from_db_time(row.updated_at),
    })
}

pub fn json(row: &AccountRow) -> serde_json::Value {
    serde_json::to_value(row).unwrap_or_default()
}

pub type Joined =
    diesel::dsl::IntoBoxed<'static, diesel::dsl::InnerJoin<a::table, d::table>, MultiBackend>;

/// Accounts joined with their debtors, limited to what `actor` may see.
pub fn visible(actor: &Actor) -> Joined {
    apply_account_scope!(a::table.inner_join(d::table).into_boxed(), scope_of(actor))
}

/// One account's row as stored now, for a workflow that has checked the caller's scope through
/// the account's child row (an approval request, a payment).
pub fn row(conn: &mut Conn, id: i64) -> Result<AccountRow, ApiError> {
    Ok(a::table
        .find(id)
        .select(AccountRow::as_select())
        .first(conn)?)
}

/// An account's row with its debtor's, as one read of the two joined tables.
#[derive(Debug, Clone, Queryable, Selectable)]
pub struct AccountAndDebtor {
    #[diesel(embed)]
    pub account: AccountRow,
    #[diesel(embed)]
    pub debtor: DebtorRow,
}

/// The stored row and debtor of one account, if `actor` may see it (404 otherwise).
pub fn find_visible_row(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
) -> Result<AccountAndDebtor, ApiError> {
    visible(actor)
        .filter(a::id.eq(id))
        .select(AccountAndDebtor::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("account"))
}

/// Refuses with 404 naming `what` (a payment, a contact, …) when its account `account_id` is not
/// visible to `actor`, as for an unknown id; other errors (the database unreachable) pass through.
pub fn require_visible(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    what: &str,
) -> Result<(), ApiError> {
    match find_visible_row(conn, actor, account_id) {
        Ok(_) => Ok(()),
        Err(ApiError::NotFound(_)) => Err(ApiError::not_found(what)),
        Err(e) => Err(e),
    }
}

/// A new account (validated).
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub external_ref: String,
    pub debtor_id: i64,
    pub currency: String,
    pub original_amount: i64,
    pub balance: i64,
    /// Parts of `balance` besides principal (principal is the rest; checked by the caller).
    pub interest: i64,
    pub fees: i64,
    pub costs: i64,
    pub delinquent_since: NaiveDate,
    pub portfolio: Option<String>,
    pub team_id: Option<i64>,
}

impl NewAccount {
    /// The new balance's parts: principal is what interest, fees and costs leave.
    pub fn parts(&self) -> Parts {
        Parts {
            principal: self.balance - self.interest - self.fees - self.costs,
            interest: self.interest,
            fees: self.fees,
            costs: self.costs,
        }
    }
}

fn ref_taken() -> ApiError {
    ApiError::conflict(
        "account-ref-taken",
        "another account already has this external_ref",
    )
}

/// Inserts an account and audits it.
pub fn insert(
    conn: &mut Conn,
    ctx: &AuditContext,
    new: &NewAccount,
) -> Result<AccountRow, ApiError> {
    let at = to_db_time(ctx.now);
    let row: AccountRow = diesel::insert_into(a::table)
        .values((
            a::external_ref.eq(&new.external_ref),
            a::debtor_id.eq(new.debtor_id),
            a::currency.eq(&new.currency),
            a::original_amount.eq(new.original_amount),
            a::balance.eq(new.balance),
            a::principal.eq(new.parts().principal),
            a::interest.eq(new.interest),
            a::fees.eq(new.fees),
            a::costs.eq(new.costs),
            a::delinquent_since.eq(new.delinquent_since),
            a::status.eq(AccountStatus::Open.as_str()),
            a::portfolio.eq(&new.portfolio),
            a::team_id.eq(new.team_id),
            a::version.eq(1),
            a::created_at.eq(at),
            a::updated_at.eq(at),
        ))
        .returning(ACCOUNT_COLUMNS)
        .get_result(conn)
        .map_err(on_unique(ref_taken))?;
    super::ledger::record(
        conn,
        &[Movement::of(
            row.id,
            ctx.now,
            LedgerKind::Placement,
            row.parts(),
        )],
    )?;
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "account",
            entity_id: row.id,
            action: "account.created",
            before: None,
            after: Some(json(&row)),
            account_id: Some(row.id),
        },
    )?;
    Ok(row)
}

/// Creates an account after checking what it refers to (422 naming the field).
pub fn create(conn: &mut Conn, actor: &Actor, new: NewAccount) -> Result<Account, ApiError> {
    if !super::debtors::exists(conn, new.debtor_id)? {
        return Err(ApiError::invalid("debtor_id", "no debtor has this id"));
    }
    if let Some(team) = new.team_id
        && !super::teams::exists(conn, team)?
    {
        return Err(ApiError::invalid("team_id", "no team has this id"));
    }
    let row = insert(conn, &actor.into(), &new)?;
    let debtor = d::table
        .find(row.debtor_id)
        .select(DebtorRow::as_select())
        .first(conn)?;
    to_account(row, debtor, actor.now.date_naive())
}
