//! The note on the reads a streaming replica may serve (`api::exec::read_replica`): the reports
//! and the account list, as the contract names them.

use serde_json::Value;

const NOTE: &str = "**Read from the replica.** When the server has a streaming replica \
(`ARREARS_REPLICA_URL`), this answer is read there and may lag the primary by up to \
`ARREARS_REPLICA_MAX_LAG_SECONDS` (default 5): a change just made may not show yet. Single \
resources (`GET /v1/accounts/{id}`), the queue and the event feed always read the primary.";

/// Appends the note to `op` when it is one of those reads.
pub(super) fn note(path: &str, method: &str, op: &mut Value) {
    let replica_read =
        method == "get" && (path.starts_with("/v1/reports/") || path == "/v1/accounts");
    if !replica_read {
        return;
    }
    let text = match op["description"].as_str() {
        Some(description) => format!("{description}\n\n{NOTE}"),
        None => NOTE.to_owned(),
    };
    op["description"] = Value::String(text);
}
