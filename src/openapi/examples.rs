//! Examples in the one timestamp format the server answers in (`crate::timestamps`): a handler's
//! example written as `2026-11-22T14:03:00Z` is shown as `2026-11-22T14:03:00.000000Z`.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::Value;

/// `text` in the one format, when it is a timestamp (with or without zone or fraction).
fn restamped(text: &str) -> Option<String> {
    if text.len() < 16 || text.as_bytes().get(10) != Some(&b'T') {
        return None;
    }
    let at = DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .or_else(|_| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").map(|n| n.and_utc())
        })
        .ok()?;
    Some(crate::timestamps::format(&at))
}

/// Rewrites every timestamp string under `value` (the whole document) in the one format.
pub(super) fn restamp(value: &mut Value) {
    match value {
        Value::String(text) => {
            if let Some(new) = restamped(text) {
                *text = new;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(restamp),
        Value::Object(map) => map.values_mut().for_each(restamp),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_only_timestamps_are_restamped() {
        let cases = [
            ("2026-11-22T14:03:00Z", Some("2026-11-22T14:03:00.000000Z")),
            (
                "2026-11-22T14:03:00.5+01:00",
                Some("2026-11-22T13:03:00.500000Z"),
            ),
            ("2026-11-22T14:03:00", Some("2026-11-22T14:03:00.000000Z")),
            ("2026-11-22", None),
            ("a timestamp 2026-11-22T14:03:00Z inside words", None),
        ];
        for (text, want) in cases {
            assert_eq!(restamped(text).as_deref(), want, "{text}");
        }
    }
}
