//! The approval list as a screen shows it: each request with its account's reference, debtor,
//! currency and balance, and the requester's name, in three queries whatever the page's length.

use std::collections::HashMap;

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::Conn;
use super::approvals::{self, Approval, ApprovalFilter};
use super::schema::{accounts as a, debtors as d, users as u};
use crate::actor::Actor;
use crate::error::ApiError;

/// An approval request in a list, with what a reviewer needs to see beside it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 8, "account_id": 101, "kind": "settlement", "status": "pending", "amount": 150000,
    "due_on": "2026-12-15", "reason": "hardship; lump sum offered", "arrangement_id": null, "required_role": "team_lead",
    "balance_at_request": 182550, "requested_by": 12, "requested_at": "2026-11-22T14:03:00.000000Z",
    "decided_by": null, "decided_at": null, "decision_note": null, "decided_by_strategy": false,
    "account": {"external_ref": "ACC-2026-000101", "debtor_name": "Jordan Reyes", "currency": "USD", "balance": 182550},
    "requester_name": "Dana Agent"}))]
pub struct ApprovalListItem {
    #[serde(flatten)]
    pub approval: Approval,
    #[serde(flatten)]
    pub context: ApprovalContext,
}

/// What a listed request shows beside its own fields.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"account": {"external_ref": "ACC-2026-000101", "debtor_name": "Jordan Reyes", "currency": "USD", "balance": 182550},
    "requester_name": "Dana Agent"}))]
pub struct ApprovalContext {
    pub account: ApprovalAccount,
    /// The requester's name; `null` for a request made by the system.
    pub requester_name: Option<String>,
}

/// The account a listed request is about, as it is now.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"external_ref": "ACC-2026-000101", "debtor_name": "Jordan Reyes", "currency": "USD", "balance": 182550}))]
pub struct ApprovalAccount {
    pub external_ref: String,
    pub debtor_name: String,
    pub currency: String,
    /// Minor units, now (the balance when requested is `balance_at_request`).
    pub balance: i64,
}

/// `approvals::list`, each request with its account and requester.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    f: &ApprovalFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ApprovalListItem>, ApiError> {
    let requests = approvals::list(conn, actor, f, before, limit)?;
    let account_ids: Vec<i64> = requests.iter().map(|r| r.account_id).collect();
    let user_ids: Vec<i64> = requests.iter().filter_map(|r| r.requested_by).collect();
    let accounts: HashMap<i64, ApprovalAccount> = a::table
        .inner_join(d::table)
        .filter(a::id.eq_any(&account_ids))
        .select((a::id, a::external_ref, d::name, a::currency, a::balance))
        .load::<(i64, String, String, String, i64)>(conn)?
        .into_iter()
        .map(|(id, external_ref, debtor_name, currency, balance)| {
            let account = ApprovalAccount {
                external_ref,
                debtor_name,
                currency,
                balance,
            };
            (id, account)
        })
        .collect();
    let names: HashMap<i64, String> = u::table
        .filter(u::id.eq_any(&user_ids))
        .select((u::id, u::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    requests
        .into_iter()
        .map(|approval| {
            let account = accounts
                .get(&approval.account_id)
                .cloned()
                .ok_or_else(|| ApiError::internal("an approval request without its account"))?;
            let requester_name = approval.requested_by.and_then(|id| names.get(&id).cloned());
            Ok(ApprovalListItem {
                approval,
                context: ApprovalContext {
                    account,
                    requester_name,
                },
            })
        })
        .collect()
}
