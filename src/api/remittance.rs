//! A remittance file as a request: the JSON body of `POST /v1/reconciliations`, and a CSV body
//! (with the file's header fields in the query) turned into that same JSON, so one parser checks
//! both, for the API and for `arrears reconcile`.
//!
//! CSV columns (header row required; order free; other columns ignored; empty cells are absent):
//! `external_ref, amount, received_on` and optionally `reference` and `line` (default: the
//! record's line in the file).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::db::payments::PaymentMethod;
use crate::error::ApiError;
use crate::workflows::reconciliation::{FileRow, RemittanceFile};

/// The most rows one file may hold.
pub const MAX_ROWS: usize = 50_000;
/// The largest body: 50,000 rows of JSON with room to spare.
pub const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// One row of a remittance file.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"line": 2, "external_ref": "ACC-1001", "amount": 12500, "received_on": "2026-11-14", "reference": "TX-99812"}))]
pub struct RemittanceRowBody {
    /// The row's line in the file (CSV: the `line` column, else its line number).
    #[validate(range(min = 1, message = "must be 1 or more"))]
    #[schema(minimum = 1)]
    pub line: i64,
    /// The account's reference.
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub external_ref: String,
    /// Minor units, > 0.
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[validate(range(min = 1, message = "must be greater than 0"))]
    #[schema(minimum = 1, maximum = 10_000_000_000_000_i64)]
    pub amount: i64,
    #[serde(deserialize_with = "crate::api::dates::deserialize")]
    pub received_on: NaiveDate,
    /// The processor's reference: matched to the payment's `reference` first.
    #[serde(default)]
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub reference: Option<String>,
}

/// A remittance file to reconcile.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"source": "Acme card processor, November", "from": "2026-11-01", "to": "2026-11-30",
    "methods": ["card"], "rows": [{"line": 2, "external_ref": "ACC-1001", "amount": 12500, "received_on": "2026-11-14", "reference": "TX-99812"}]}))]
pub struct ReconciliationRequest {
    /// Who sent the file (free text).
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub source: String,
    /// The first day the file covers.
    #[serde(deserialize_with = "crate::api::dates::deserialize")]
    pub from: NaiveDate,
    /// The last day the file covers.
    #[serde(deserialize_with = "crate::api::dates::deserialize")]
    pub to: NaiveDate,
    /// The payment methods the file covers (default: all).
    #[serde(default)]
    #[validate(length(min = 1, message = "must name at least one method"))]
    pub methods: Option<Vec<PaymentMethod>>,
    #[validate(
        length(min = 1, max = 50000, message = "must hold 1 to 50000 rows"),
        nested
    )]
    #[schema(min_items = 1, max_items = 50000)]
    pub rows: Vec<RemittanceRowBody>,
}

impl ReconciliationRequest {
    /// The file, checked: `from` not after `to`.
    pub fn into_file(self) -> Result<RemittanceFile, ApiError> {
        if self.from > self.to {
            return Err(ApiError::invalid("to", "must not be before from"));
        }
        let mut methods = self.methods.unwrap_or_else(|| PaymentMethod::ALL.to_vec());
        methods.sort_by_key(|m| m.as_str());
        methods.dedup();
        Ok(RemittanceFile {
            source: self.source.trim().to_owned(),
            from: self.from,
            to: self.to,
            methods,
            rows: self
                .rows
                .into_iter()
                .map(|r| FileRow {
                    line: r.line,
                    external_ref: r.external_ref.trim().to_owned(),
                    amount: r.amount,
                    received_on: r.received_on,
                    reference: r.reference.map(|s| s.trim().to_owned()),
                })
                .collect(),
        })
    }
}

/// With a `text/csv` body, the file's header comes as query parameters.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CsvFileParams {
    /// Who sent the file (CSV bodies only).
    pub source: Option<String>,
    /// First day covered, `YYYY-MM-DD` (CSV bodies only).
    pub from: Option<String>,
    /// Last day covered (CSV bodies only).
    pub to: Option<String>,
    /// Methods covered, comma-separated (CSV bodies only; default all).
    pub methods: Option<String>,
}

const TEXT_COLUMNS: [&str; 3] = ["external_ref", "received_on", "reference"];
const NUMBER_COLUMNS: [&str; 2] = ["amount", "line"];

/// The JSON request for a CSV body and the query's header fields.
pub fn as_json(params: &CsvFileParams, csv: &[u8]) -> Result<Vec<u8>, ApiError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(csv);
    let headers = reader
        .headers()
        .map_err(|e| ApiError::invalid("body", format!("the CSV header row: {e}")))?
        .clone();
    let mut rows = Vec::new();
    for record in reader.records().take(MAX_ROWS + 1) {
        let record = record.map_err(|e| ApiError::invalid("body", format!("CSV: {e}")))?;
        let line = record.position().map_or(0, |p| p.line());
        rows.push(row(&headers, &record, line));
    }
    let mut body = Map::new();
    for (key, value) in [
        ("source", &params.source),
        ("from", &params.from),
        ("to", &params.to),
    ] {
        if let Some(v) = value {
            body.insert(key.into(), json!(v));
        }
    }
    if let Some(methods) = &params.methods {
        let list: Vec<&str> = methods
            .split(',')
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .collect();
        body.insert("methods".into(), json!(list));
    }
    body.insert("rows".into(), Value::Array(rows));
    serde_json::to_vec(&body).map_err(ApiError::internal)
}

/// One record as the API's row: numbers where they parse (else the text, which the parser
/// refuses naming the field), the line number when the file has no `line` column.
fn row(headers: &csv::StringRecord, record: &csv::StringRecord, line: u64) -> Value {
    let mut out = Map::new();
    for (name, cell) in headers.iter().zip(record.iter()) {
        if cell.is_empty() {
            continue;
        }
        if NUMBER_COLUMNS.contains(&name) {
            let value = cell
                .parse::<i64>()
                .map_or_else(|_| json!(cell), |n| json!(n));
            out.insert(name.into(), value);
        } else if TEXT_COLUMNS.contains(&name) {
            out.insert(name.into(), json!(cell));
        }
    }
    out.entry("line").or_insert(json!(line));
    Value::Object(out)
}
