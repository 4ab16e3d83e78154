//! One account as the API shows it (its debtor and pending approvals embedded) in one statement:
//! the account joined with its debtor and, by a LEFT JOIN, its pending approval requests (a row
//! each, or one row with none). The scope is a filter of its own per variant rather than a boxed
//! query, so diesel prepares each variant's statement once per connection.

use diesel::prelude::*;

use super::Conn;
use super::accounts::{Account, AccountRow, to_account};
use super::approvals::ApprovalRow;
use super::debtors::DebtorRow;
use super::schema::{accounts as a, approval_requests as rq, debtors as d};
use super::scope::{AccountScope, scope_of};
use crate::actor::Actor;
use crate::domain::status::ApprovalStatus;
use crate::error::ApiError;

/// A row of the read: the account, its debtor, and one pending approval (or none).
#[derive(Queryable, Selectable)]
struct Found {
    #[diesel(embed)]
    account: AccountRow,
    #[diesel(embed)]
    debtor: DebtorRow,
    #[diesel(embed)]
    approval: Option<ApprovalRow>,
}

/// The account `id` with its debtor and pending approvals, if `actor` may see it (404 otherwise).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Account, ApiError> {
    let pending = ApprovalStatus::Pending.as_str();
    macro_rules! read {
        ($scoped:expr) => {
            a::table
                .inner_join(d::table)
                .left_join(rq::table.on(rq::account_id.eq(a::id).and(rq::status.eq(pending))))
                .filter(a::id.eq(id))
                .filter($scoped)
                .select(Found::as_select())
                .order(rq::id)
                .load::<Found>(conn)?
        };
    }
    let rows = match scope_of(actor) {
        // (`All` repeats the id filter: every variant has the same shape.)
        AccountScope::All => read!(a::id.eq(id)),
        AccountScope::AssignedTo(user) => read!(a::assignee_id.eq(user)),
        AccountScope::Team(team) => read!(a::team_id.eq(team)),
        AccountScope::Nothing => Vec::new(),
    };
    let mut rows = rows.into_iter();
    let Some(first) = rows.next() else {
        return Err(ApiError::not_found("account"));
    };
    let approvals = first
        .approval
        .into_iter()
        .chain(rows.filter_map(|row| row.approval))
        .map(super::approvals::Approval::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    let mut account = to_account(first.account, first.debtor, actor.now.date_naive())?;
    account.pending_approvals = Some(approvals);
    Ok(account)
}
