//! Start-up data: the bootstrap admin, and the demo data set of `serve --demo`.

mod complaints;
mod history;
mod money;
mod portfolio;
mod quality;
mod strategy;

pub use portfolio::{DEMO_ACCOUNTS, demo_portfolio};

use chrono::{DateTime, Utc};

use crate::auth::Actor;
use crate::db::audit::AuditContext;
use crate::db::users::NewUser;
use crate::db::{Conn, assignments, teams, users, write_tx};
use crate::domain::role::Role;
use crate::error::ApiError;
use crate::passwords::hash_password;
use crate::workflows::Initiator;
use crate::workflows::api_key::{self, NewKey};
use crate::workflows::import::{self as import_db, import};
use crate::workflows::sweep::{DEFAULT_GRACE_DAYS, sweep};

/// The password of every demo user.
pub const DEMO_PASSWORD: &str = "arrears-demo-2026";

/// Creates an admin from `ARREARS_ADMIN_EMAIL` / `ARREARS_ADMIN_PASSWORD` when no user exists.
/// Returns whether it did.
pub fn bootstrap_admin(
    conn: &mut Conn,
    email: &str,
    password: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, ApiError> {
    if password.len() < 12 {
        return Err(ApiError::invalid(
            "ARREARS_ADMIN_PASSWORD",
            "must be at least 12 characters",
        ));
    }
    let password_hash = hash_password(password)?;
    write_tx(conn, |tx| {
        if users::count(tx)? > 0 {
            return Ok(false);
        }
        let new = NewUser {
            email: email.to_owned(),
            name: "Administrator".into(),
            role: Role::Admin,
            team_id: None,
            password_hash,
        };
        users::create(tx, &AuditContext::system(now), new)?;
        Ok(true)
    })
}

/// The demo users: (email, name, role, team index).
pub const DEMO_USERS: &[(&str, &str, Role, Option<usize>)] = &[
    ("admin@demo.arrears.dev", "Ada Admin", Role::Admin, None),
    ("head@demo.arrears.dev", "Hana Head", Role::Head, None),
    (
        "manager@demo.arrears.dev",
        "Milo Manager",
        Role::Manager,
        None,
    ),
    (
        "lead.north@demo.arrears.dev",
        "Lena Lead",
        Role::TeamLead,
        Some(0),
    ),
    (
        "agent.north@demo.arrears.dev",
        "Arto Agent",
        Role::Agent,
        Some(0),
    ),
    (
        "agent.south@demo.arrears.dev",
        "Sami Agent",
        Role::Agent,
        Some(1),
    ),
    (
        "auditor@demo.arrears.dev",
        "Aud Auditor",
        Role::Auditor,
        None,
    ),
];

/// Loads the demo data set (teams, one user per role, a portfolio assigned to the agents) into
/// an empty database. Returns `false` (and changes nothing) when users already exist.
pub fn seed(conn: &mut Conn, now: chrono::DateTime<chrono::Utc>) -> Result<bool, ApiError> {
    let password_hash = hash_password(DEMO_PASSWORD)?;
    let ctx = AuditContext::system(now);
    write_tx(conn, |tx| {
        if users::count(tx)? > 0 {
            return Ok(false);
        }
        let team_ids = [
            teams::create(tx, &ctx, "North")?.id,
            teams::create(tx, &ctx, "South")?.id,
        ];
        let mut head = None;
        let mut admin = None;
        for (email, name, role, team) in DEMO_USERS {
            let new = NewUser {
                email: (*email).to_owned(),
                name: (*name).to_owned(),
                role: *role,
                team_id: team.map(|i| team_ids[i]),
                password_hash: password_hash.clone(),
            };
            let user = users::create(tx, &ctx, new)?;
            match role {
                Role::Head => head = Some(user.id),
                Role::Admin => admin = Some(user.id),
                _ => {}
            }
        }
        // The portfolio arrives 90 days ago; its arrangements and payments happen since.
        let start = now - chrono::Duration::days(history::HISTORY_DAYS);
        let portfolio = portfolio::demo_portfolio(start.date_naive(), team_ids)
            .into_iter()
            .map(Ok)
            .collect();
        let placed = import(
            tx,
            Initiator::System(&AuditContext::system(start)),
            portfolio,
        )?;
        let head = Actor {
            user_id: head.unwrap_or_default(),
            role: Role::Head,
            team_id: None,
            request_id: "demo".into(),
            now: start,
            session_version: 0,
        };
        for team in team_ids {
            assignments::auto_assign(tx, &head, team)?;
        }
        let ids: Vec<i64> = placed
            .iter()
            .filter_map(|o| {
                if let import_db::Outcome::Created(id) = o {
                    Some(*id)
                } else {
                    None
                }
            })
            .collect();
        history::arrangements(tx, &head, &ids, now)?;
        history::contacts(tx, &head, &ids, now)?;
        history::pending_settlements(tx, &head, &ids, now)?;
        let head_now = Actor {
            now,
            ..head.clone()
        };
        history::targets(tx, &head_now, team_ids)?;
        sweep(tx, now, DEFAULT_GRACE_DAYS)?;
        money::adjustments(tx, &head_now, &ids)?;
        money::reconciliation(tx, &head_now, &ids)?;
        complaints::seed(tx, &head_now, &ids)?;
        strategy::seed(tx, &head_now, now)?;
        quality::seed(tx, now)?;
        api_keys(tx, admin.unwrap_or_default(), now)?;
        Ok(true)
    })
}

/// Two API keys, one in use and one revoked, so the admin's key list shows both (their keys are
/// not shown again; an admin creates one to try).
fn api_keys(conn: &mut Conn, admin: i64, now: DateTime<Utc>) -> Result<(), ApiError> {
    let actor = Actor {
        user_id: admin,
        role: Role::Admin,
        team_id: None,
        request_id: "demo".into(),
        now,
        session_version: 0,
    };
    let export = NewKey {
        name: "nightly ledger export".into(),
        role: Role::Auditor,
        team_id: None,
    };
    api_key::create(conn, &actor, export)?;
    let dialer = NewKey {
        name: "old dialer integration".into(),
        role: Role::Manager,
        team_id: None,
    };
    let old = api_key::create(conn, &actor, dialer)?;
    api_key::revoke(conn, &actor, old.id)?;
    Ok(())
}

/// The credentials table printed by `serve --demo`.
pub fn credentials_table() -> String {
    let mut out = String::from("Demo users (password for all: ");
    out.push_str(DEMO_PASSWORD);
    out.push_str(")\n");
    for (email, _, role, _) in DEMO_USERS {
        out.push_str(&format!("  {:<10} {email}\n", role.as_str()));
    }
    out
}
