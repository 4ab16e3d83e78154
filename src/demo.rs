//! Start-up data: the bootstrap admin, and the demo data set of `serve --demo`.

use crate::auth::Actor;
use crate::db::accounts::NewAccount;
use crate::db::arrangements::ArrangementKind;
use crate::db::audit::AuditContext;
use crate::db::contacts::NewContact;
use crate::db::debtors::NewDebtor;
use crate::db::payments::{NewPayment, PaymentMethod};
use crate::db::users::NewUser;
use crate::db::{Conn, assignments, teams, users, write_tx};
use crate::domain::compliance::{Channel, Direction};
use crate::domain::outcome::{OUTCOMES, Outcome};
use crate::domain::role::Role;
use crate::domain::schedule::{Due, Frequency, generate};
use crate::error::ApiError;
use crate::passwords::hash_password;
use crate::workflows::import::{self as import_db, Placement, import};
use crate::workflows::sweep::{DEFAULT_GRACE_DAYS, sweep};
use crate::workflows::{arrangement, contact_log, payment};
use diesel::prelude::*;

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
        for (email, name, role, team) in DEMO_USERS {
            let new = NewUser {
                email: (*email).to_owned(),
                name: (*name).to_owned(),
                role: *role,
                team_id: team.map(|i| team_ids[i]),
                password_hash: password_hash.clone(),
            };
            let user = users::create(tx, &ctx, new)?;
            if *role == Role::Head {
                head = Some(user.id);
            }
        }
        // The portfolio arrives 90 days ago; its arrangements and payments happen since.
        let start = now - chrono::Duration::days(HISTORY_DAYS);
        let portfolio = demo_portfolio(start.date_naive(), team_ids)
            .into_iter()
            .map(Ok)
            .collect();
        let placed = import(tx, &AuditContext::system(start), portfolio)?;
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
        history(tx, &head, &ids, now)?;
        contact_history(tx, &head, &ids, now)?;
        pending_settlements(tx, &head, &ids, now)?;
        // Monthly targets for every agent and team, this month and the last two.
        let agents: Vec<i64> = crate::db::schema::users::table
            .filter(crate::db::schema::users::role.eq("agent"))
            .select(crate::db::schema::users::id)
            .load(tx)?;
        let head_now = Actor {
            now,
            ..head.clone()
        };
        for months_back in 0..3u32 {
            let month = now
                .date_naive()
                .checked_sub_months(chrono::Months::new(months_back))
                .unwrap_or(now.date_naive());
            let period = format!(
                "{:04}-{:02}",
                chrono::Datelike::year(&month),
                chrono::Datelike::month(&month)
            );
            for agent in &agents {
                crate::db::targets::set_target(
                    tx,
                    &head_now,
                    crate::db::targets::TargetScope::Agent,
                    *agent,
                    &period,
                    1_500_000,
                )?;
            }
            for team in team_ids {
                crate::db::targets::set_target(
                    tx,
                    &head_now,
                    crate::db::targets::TargetScope::Team,
                    team,
                    &period,
                    1_500_000,
                )?;
            }
        }
        sweep(tx, now, DEFAULT_GRACE_DAYS)?;
        Ok(true)
    })
}

/// Contacts over the 90 days, every outcome code among them, logged through the same rules as
/// the API (a contact the rules refuse is simply not logged). Accounts without an arrangement get
/// two contacts, ten days apart, at 16:00 UTC (within calling hours across the US).
fn contact_history(
    conn: &mut Conn,
    head: &Actor,
    ids: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    let start = head.now.date_naive();
    let mut k = 0usize;
    for (i, id) in ids.iter().enumerate() {
        if i % 5 < 2 {
            continue;
        }
        for visit in 0..2u64 {
            let day = start + chrono::Days::new(5 + (i as u64 * 7) % 70 + visit * 10);
            let Some(when) = day
                .and_hms_opt(16, 0, 0)
                .map(|t| t.and_utc())
                .filter(|t| *t < now)
            else {
                continue;
            };
            let outcome = OUTCOMES[k % OUTCOMES.len()].0;
            k += 1;
            let channel = match k % 6 {
                0 => Channel::Sms,
                1 => Channel::Letter,
                _ => Channel::Phone,
            };
            let direction = if k.is_multiple_of(4) {
                Direction::Inbound
            } else {
                Direction::Outbound
            };
            let promise = (outcome == Outcome::PromiseToPay)
                .then(|| (2_500 + (i as i64 % 20) * 500, day + chrono::Days::new(7)));
            let follow_up_at =
                (outcome == Outcome::CallbackRequested).then(|| when + chrono::Duration::days(3));
            let new = NewContact {
                channel,
                direction,
                outcome,
                occurred_at: when,
                duration_seconds: Some(30 + (k as i32 % 9) * 40),
                notes: None,
                follow_up_at,
                promise,
            };
            // Logged by the account's agent, so the performance report has something per agent.
            let agent = match assignee_of(conn, *id)? {
                Some((user_id, team_id)) => Actor {
                    user_id,
                    role: Role::Agent,
                    team_id,
                    now: when,
                    ..head.clone()
                },
                None => Actor {
                    now: when,
                    ..head.clone()
                },
            };
            // A refusal (rules) or a conflict (an arrangement or dispute already there) skips it;
            // the savepoint keeps a failed one from touching the rest of the demo.
            let _ = write_tx(conn, |tx| {
                contact_log::log(tx, &agent, *id, new).map(|_| ())
            });
        }
    }
    Ok(())
}

/// The agent an account is assigned to, with the account's team.
fn assignee_of(conn: &mut Conn, id: i64) -> Result<Option<(i64, Option<i64>)>, ApiError> {
    use crate::db::schema::accounts as a;
    let (assignee, team): (Option<i64>, Option<i64>) = a::table
        .find(id)
        .select((a::assignee_id, a::team_id))
        .first(conn)?;
    Ok(assignee.map(|user| (user, team)))
}

/// Settlements awaiting a decision, requested by the accounts' agents: in each team one within
/// the team lead's authority (10 % off) and one only a manager may approve (40 % off), so every
/// approver has something actionable in the demo.
fn pending_settlements(
    conn: &mut Conn,
    head: &Actor,
    ids: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    use crate::db::approvals::ApprovalKind;
    use crate::db::schema::accounts as a;
    use crate::workflows::approval_request;
    let mut per_team: std::collections::HashMap<Option<i64>, u32> = Default::default();
    // Accounts without an arrangement (see `history`), large enough for a lump sum.
    for id in ids.iter().skip(2).step_by(5) {
        let (balance, status): (i64, String) = a::table
            .find(*id)
            .select((a::balance, a::status))
            .first(conn)?;
        let Some((user_id, team_id)) = assignee_of(conn, *id)? else {
            continue;
        };
        let done = per_team.entry(team_id).or_default();
        if *done >= 2 || status != "open" || balance < 20_000 {
            continue;
        }
        let discount_percent = if *done == 0 { 10 } else { 40 };
        let agent = Actor {
            user_id,
            role: Role::Agent,
            team_id,
            now,
            ..head.clone()
        };
        approval_request::request(
            conn,
            &agent,
            ApprovalKind::Settlement,
            *id,
            balance * (100 - discount_percent) / 100,
            Some(now.date_naive() + chrono::Days::new(14)),
            "the debtor offers a lump sum",
        )?;
        *done += 1;
    }
    Ok(())
}

/// How far back the demo's history starts.
pub const HISTORY_DAYS: i64 = 90;

/// Arrangements and payments over the demo's 90 days: every fifth account gets a monthly plan
/// and every fifth a promise; a third of the plans are paid on time (some complete), a third
/// pay once and then stop, a third never pay; half the promises are kept. The sweep then breaks
/// what went unpaid.
fn history(
    conn: &mut Conn,
    head: &Actor,
    ids: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    let at = |day: chrono::NaiveDate| Actor {
        now: day
            .and_hms_opt(15, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or(now),
        ..head.clone()
    };
    let start = head.now.date_naive();
    for (i, id) in ids.iter().enumerate() {
        let balance: i64 = crate::db::schema::accounts::table
            .find(*id)
            .select(crate::db::schema::accounts::balance)
            .first(conn)?;
        let (kind, dues) = match i % 5 {
            0 => {
                let count = 3 + i % 4;
                let total = (balance / 2).max(count as i64);
                (
                    ArrangementKind::Plan,
                    generate(
                        total,
                        count,
                        Frequency::Monthly,
                        start + chrono::Days::new(7 + (i % 20) as u64),
                    )
                    .map_err(|(_, m)| ApiError::Internal(m))?,
                )
            }
            1 => (
                ArrangementKind::Promise,
                vec![Due {
                    due_on: start + chrono::Days::new(10 + (i % 60) as u64),
                    amount: (balance / 10).max(1),
                }],
            ),
            _ => continue,
        };
        let plan = arrangement::create(conn, head, *id, kind, dues)?;
        let pays = match (kind, i % 3) {
            (ArrangementKind::Promise, _) => i % 2 == 0,
            (_, 0) => true,
            (_, 1) => false,
            _ => continue,
        };
        for (k, inst) in plan.installments.iter().enumerate() {
            if inst.due_on > now.date_naive()
                || (kind == ArrangementKind::Plan && !pays && k > 0)
                || (kind == ArrangementKind::Promise && !pays)
            {
                break;
            }
            let payment = NewPayment {
                amount: inst.amount,
                method: if k % 2 == 0 {
                    PaymentMethod::Ach
                } else {
                    PaymentMethod::Card
                },
                reference: None,
                received_on: inst.due_on,
            };
            payment::record(conn, &at(inst.due_on), *id, payment)?;
        }
    }
    Ok(())
}

/// How many accounts the demo places.
pub const DEMO_ACCOUNTS: u64 = 300;

/// A plausible portfolio: varied balances, ages, time zones and regions, over both teams.
/// Deterministic (a small linear congruential sequence), so every demo looks the same.
pub fn demo_portfolio(today: chrono::NaiveDate, team_ids: [i64; 2]) -> Vec<Placement> {
    const FIRST: [&str; 10] = [
        "Jordan", "Avery", "Riley", "Casey", "Morgan", "Taylor", "Jamie", "Quinn", "Drew", "Reese",
    ];
    const LAST: [&str; 10] = [
        "Reyes",
        "Nguyen",
        "Okafor",
        "Schmidt",
        "Patel",
        "Kowalski",
        "Haddad",
        "Lindqvist",
        "Moreau",
        "Tanaka",
    ];
    const PLACES: [(&str, &str, &str); 6] = [
        ("America/New_York", "NY", "212"),
        ("America/Chicago", "IL", "312"),
        ("America/Denver", "CO", "303"),
        ("America/Los_Angeles", "CA", "415"),
        ("America/New_York", "MA", "617"),
        ("America/Phoenix", "AZ", "602"),
    ];
    const PORTFOLIOS: [&str; 3] = ["cards-2026q2", "auto-loans", "telecom"];
    let mut seed: u64 = 0x5eed;
    let mut next = move |m: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    (0..DEMO_ACCOUNTS)
        .map(|i| {
            let (timezone, region, area) = PLACES[next(6) as usize];
            let balance = 5_000 + next(2_500_000) as i64;
            let original = balance + next(1_000_000) as i64;
            let days = 1 + next(420);
            let name = format!("{} {}", FIRST[next(10) as usize], LAST[next(10) as usize]);
            Placement {
                account: NewAccount {
                    external_ref: format!("DEMO-{:05}", i + 1),
                    debtor_id: 0,
                    currency: "USD".into(),
                    original_amount: original,
                    balance,
                    delinquent_since: today - chrono::Days::new(days),
                    portfolio: Some(PORTFOLIOS[next(3) as usize].into()),
                    team_id: Some(team_ids[(i % 2) as usize]),
                },
                debtor: NewDebtor {
                    external_ref: Some(format!("CUST-{:05}", i + 1)),
                    name,
                    phone: Some(format!("+1{area}55501{:02}", next(100))),
                    email: None,
                    timezone: timezone.into(),
                    region: Some(region.into()),
                },
                absent: Vec::new(),
            }
        })
        .collect()
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
