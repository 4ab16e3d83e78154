//! The audit log's hash chain.
//!
//! Events are chained per *stream* (one entity: `("user", 7)`), not globally, so writes to
//! unrelated entities never wait on one another. Within a stream each event carries `seq`
//! (1, 2, 3 … with no gap, enforced by a unique index on `(entity_type, entity_id, seq)`), the
//! previous event's hash, and its own hash: SHA-256 over the previous hash and the canonical
//! encoding of every stored field. Why this is tamper-evident:
//! - editing any field of an event changes its canonical encoding, so its stored hash no longer
//!   matches; rewriting the hash too breaks the next event's `prev_hash`;
//! - deleting or inserting an event inside a stream leaves a gap or a duplicate in `seq` and a
//!   broken `prev_hash` link;
//! - the global `id` gives a verifiable order across streams (ids only grow; within a stream
//!   they must grow with `seq`).
//!
//! What it cannot show on its own is the removal of a stream's *latest* events by someone who
//! can write the database; exporting stream heads (or the verify answer) elsewhere closes that.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash that the first event of every stream links to.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of an event that the hash covers, in their stored form.
#[derive(Debug, Clone, Serialize)]
pub struct ChainedFields<'a> {
    pub entity_type: &'a str,
    pub entity_id: i64,
    pub seq: i64,
    pub action: &'a str,
    pub actor_id: Option<i64>,
    pub request_id: Option<&'a str>,
    /// RFC 3339 with microseconds, UTC.
    pub occurred_at: &'a str,
    pub before_state: Option<&'a str>,
    pub after_state: Option<&'a str>,
    /// Hashed only when present, so events written before the field existed still verify.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<i64>,
}

/// SHA-256 (hex) of `prev_hash` and the canonical encoding of `fields`.
pub fn event_hash(prev_hash: &str, fields: &ChainedFields<'_>) -> String {
    // serde_json writes struct fields in declaration order, so the encoding is canonical.
    let canonical = serde_json::to_vec(fields).unwrap_or_default();
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(&canonical);
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(action: &str) -> ChainedFields<'_> {
        ChainedFields {
            entity_type: "user",
            entity_id: 1,
            seq: 1,
            action,
            actor_id: Some(2),
            request_id: Some("r1"),
            occurred_at: "2026-11-22T14:03:00.000000Z",
            before_state: None,
            after_state: Some("{\"name\":\"Ann\"}"),
            account_id: None,
        }
    }

    #[test]
    fn hash_covers_every_field_and_the_link() {
        let h = event_hash(GENESIS_HASH, &fields("user.created"));
        assert_eq!(h.len(), 64);
        assert_eq!(h, event_hash(GENESIS_HASH, &fields("user.created")));
        assert_ne!(h, event_hash(GENESIS_HASH, &fields("user.updated")));
        assert_ne!(h, event_hash(&h, &fields("user.created")));
    }
}
