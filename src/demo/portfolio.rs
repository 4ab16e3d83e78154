//! The demo portfolio.

use crate::db::accounts::NewAccount;
use crate::db::debtors::NewDebtor;
use crate::workflows::import::Placement;

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
            let place = next(6) as usize;
            let (timezone, region, mut area) = PLACES[place];
            // Some debtors moved and kept their old number (a second time zone, from its area
            // code), and some are known to live part of the year elsewhere.
            if i % 25 == 7 {
                area = PLACES[(place + 1) % PLACES.len()].2;
            }
            let additional_timezones = if i % 40 == 3 {
                vec!["America/Denver".to_owned()]
            } else {
                vec![]
            };
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
                    // Some accounts carry interest and fees besides principal.
                    interest: if i % 3 == 0 { balance / 20 } else { 0 },
                    fees: if i % 4 == 1 { balance.min(3_500) } else { 0 },
                    costs: 0,
                    delinquent_since: today - chrono::Days::new(days),
                    portfolio: Some(PORTFOLIOS[next(3) as usize].into()),
                    team_id: Some(team_ids[(i % 2) as usize]),
                },
                debtor: NewDebtor {
                    additional_timezones,
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
