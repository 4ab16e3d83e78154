//! `arrears import FILE.csv`: streams a placement file of any size into the database, in
//! batches, through the same row parser and import as `POST /v1/accounts/import`.
//!
//! Columns (header row required; order free; empty cells are absent values):
//! `external_ref, original_amount, balance, interest, fees, costs, currency, delinquent_since,
//! portfolio, team_id, debtor_name, debtor_phone, debtor_email, debtor_timezone, debtor_region,
//! debtor_external_ref, debtor_additional_timezones` (IANA names separated by spaces or `;`).

use std::collections::HashMap;
use std::fs::File;

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Map, Value};

use crate::api::import::parse_row;
use crate::db::audit::AuditContext;
use crate::db::{Db, write_tx};
use crate::workflows::Initiator;
use crate::workflows::import::{Outcome, import};

/// Totals of an import run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub created: u64,
    pub updated: u64,
    pub failed: u64,
}

const ACCOUNT_COLUMNS: [&str; 10] = [
    "external_ref",
    "original_amount",
    "balance",
    "interest",
    "fees",
    "costs",
    "currency",
    "delinquent_since",
    "portfolio",
    "team_id",
];
const INTEGER_COLUMNS: [&str; 6] = [
    "original_amount",
    "balance",
    "interest",
    "fees",
    "costs",
    "team_id",
];

/// One CSV record as the JSON row the API takes.
fn to_row(record: &HashMap<String, String>) -> Value {
    let cell = |name: &str| -> Option<Value> {
        let v = record.get(name)?.trim();
        if v.is_empty() {
            return None;
        }
        if INTEGER_COLUMNS.contains(&name) {
            return Some(
                v.parse::<i64>()
                    .map(Value::from)
                    .unwrap_or_else(|_| Value::from(v)),
            );
        }
        Some(Value::from(v))
    };
    let mut row = Map::new();
    for name in ACCOUNT_COLUMNS {
        if let Some(v) = cell(name) {
            row.insert(name.to_owned(), v);
        }
    }
    let mut debtor = Map::new();
    for name in [
        "name",
        "phone",
        "email",
        "timezone",
        "region",
        "external_ref",
    ] {
        if let Some(v) = cell(&format!("debtor_{name}")) {
            debtor.insert(name.to_owned(), v);
        }
    }
    // Other time zones the debtor may be in: IANA names separated by spaces or `;`.
    if let Some(Value::String(zones)) = cell("debtor_additional_timezones") {
        let zones: Vec<Value> = zones
            .split([' ', ';'])
            .filter(|z| !z.is_empty())
            .map(Value::from)
            .collect();
        debtor.insert("additional_timezones".into(), Value::Array(zones));
    }
    row.insert("debtor".into(), Value::Object(debtor));
    Value::Object(row)
}

/// Whether the import draws a progress bar on the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Shown,
    Hidden,
}

/// Imports `path` in batches of `batch` rows; prints each refused row (by line) to stderr.
pub fn run(db: &Db, path: &str, batch: usize, shown: Progress) -> Result<Totals, String> {
    let file = File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(file);
    let progress = if shown == Progress::Shown {
        ProgressBar::new(size)
    } else {
        ProgressBar::hidden()
    };
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut conn = db.checkout().map_err(|e| e.to_string())?;
    let mut totals = Totals::default();
    let mut records = reader.deserialize::<HashMap<String, String>>();
    loop {
        let mut rows = Vec::with_capacity(batch);
        for record in records.by_ref().take(batch) {
            let record = record.map_err(|e| format!("{path}: {e}"))?;
            rows.push(record);
        }
        if rows.is_empty() {
            break;
        }
        let now = chrono::Utc::now();
        let placements = rows
            .iter()
            .map(|r| parse_row(&to_row(r), now.date_naive()))
            .collect();
        let ctx = AuditContext {
            actor_id: None,
            request_id: Some("cli-import".into()),
            now,
        };
        let outcomes = write_tx(&mut conn, |tx| {
            import(tx, Initiator::System(&ctx), placements)
        })
        .map_err(|e| format!("import failed: {e}"))?;
        let first_line = totals.created + totals.updated + totals.failed + 2; // after the header, 1-based
        for (k, outcome) in outcomes.into_iter().enumerate() {
            match outcome {
                Outcome::Created(_) => totals.created += 1,
                Outcome::Updated(_) | Outcome::PendingApproval { .. } => totals.updated += 1,
                Outcome::Failed(e) => {
                    totals.failed += 1;
                    let problem = e.problem();
                    progress.suspend(|| {
                        eprintln!("line {}: {}", first_line + k as u64, problem.detail)
                    });
                }
            }
        }
        progress.set_position(records.reader().position().byte());
        progress.set_message(format!(
            "{} created, {} updated, {} refused",
            totals.created, totals.updated, totals.failed
        ));
    }
    progress.finish_and_clear();
    Ok(totals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_becomes_the_apis_row_with_its_parts() {
        let record: HashMap<String, String> = [
            ("external_ref", "CSV-1"),
            ("original_amount", "10000"),
            ("balance", "5000"),
            ("interest", "300"),
            ("fees", " 200 "),
            ("costs", ""),
            ("debtor_name", "Ann Lee"),
            ("debtor_timezone", "America/Chicago"),
            (
                "debtor_additional_timezones",
                "America/Denver; America/Phoenix",
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        assert_eq!(
            to_row(&record),
            serde_json::json!({"external_ref": "CSV-1", "original_amount": 10000, "balance": 5000,
                "interest": 300, "fees": 200,
                "debtor": {"name": "Ann Lee", "timezone": "America/Chicago",
                    "additional_timezones": ["America/Denver", "America/Phoenix"]}})
        );
    }
}
