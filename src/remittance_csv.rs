//! `arrears reconcile FILE.csv --from --to`: a remittance CSV (columns as for
//! `POST /v1/reconciliations`, see `api::remittance`) reconciled as the system, with a progress
//! bar while the file is read.

use std::fs::File;
use std::io::Read;

use indicatif::{ProgressBar, ProgressStyle};

use crate::api::json::parse;
use crate::api::remittance::{CsvFileParams, ReconciliationRequest, as_json};
use crate::db::audit::AuditContext;
use crate::db::reconciliations::Reconciliation;
use crate::db::{Db, write_tx};
use crate::error::ApiError;
use crate::workflows::Initiator;
use crate::workflows::reconciliation::run as reconcile;

/// What `arrears reconcile` was asked.
#[derive(Debug, Clone)]
pub struct Command {
    pub path: String,
    pub params: CsvFileParams,
    pub progress: bool,
}

/// Reads the file (with a progress bar), reconciles it as the system, and answers the stored
/// reconciliation; a file to fix is reported with every field's problem.
pub fn run(db: &Db, command: Command) -> Result<Reconciliation, String> {
    let Command {
        path,
        params,
        progress,
    } = command;
    let file = File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = if progress {
        ProgressBar::new(size)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("reading");
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    bar.wrap_read(file)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{path}: {e}"))?;
    bar.set_message("matching");
    let refused = |e: ApiError| format!("{path}: {}", describe(&e));
    let json = as_json(&params, &bytes).map_err(refused)?;
    let request = parse::<ReconciliationRequest>(&json).map_err(refused)?;
    let remittance = request.value.into_file().map_err(refused)?;
    let mut conn = db.checkout().map_err(|e| e.to_string())?;
    let ctx = AuditContext {
        actor_id: None,
        request_id: Some("cli-reconcile".into()),
        now: chrono::Utc::now(),
    };
    let made = write_tx(&mut conn, |tx| {
        reconcile(tx, Initiator::System(&ctx), remittance)
    })
    .map_err(|e| format!("reconciliation failed: {e}"))?;
    bar.finish_and_clear();
    Ok(made)
}

/// A problem as one line per field.
fn describe(e: &ApiError) -> String {
    let problem = e.problem();
    match &problem.errors {
        Some(errors) if !errors.is_empty() => errors
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join("; "),
        _ => problem.detail,
    }
}
