//! One timestamp format in every answer, event and audit payload: RFC 3339, UTC, `Z`, six
//! fractional digits (`2026-12-01T16:00:00.000000Z`), whatever the backend stored. Serde
//! serializers for `#[serde(serialize_with = "…")]`; stored (naive) times are UTC.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serializer;

/// The `strftime` pattern of the one format.
pub const FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

/// `at` in the one format.
pub fn format(at: &DateTime<Utc>) -> String {
    at.format(FORMAT).to_string()
}

pub fn utc<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&at.format(FORMAT))
}

pub fn utc_opt<S: Serializer>(at: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => s.collect_str(&at.format(FORMAT)),
        None => s.serialize_none(),
    }
}

pub fn naive<S: Serializer>(at: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&at.format(FORMAT))
}

pub fn naive_opt<S: Serializer>(at: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => s.collect_str(&at.format(FORMAT)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Times {
        #[serde(serialize_with = "utc")]
        at: DateTime<Utc>,
        #[serde(serialize_with = "naive_opt")]
        stored: Option<NaiveDateTime>,
        #[serde(serialize_with = "utc_opt")]
        never: Option<DateTime<Utc>>,
    }

    #[test]
    fn one_format_to_the_microsecond() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T16:00:00.123456789+02:00")
            .unwrap()
            .with_timezone(&Utc);
        let t = Times {
            at,
            stored: Some(at.naive_utc()),
            never: None,
        };
        assert_eq!(
            serde_json::to_value(&t).unwrap(),
            serde_json::json!({"at": "2026-12-01T14:00:00.123456Z",
                "stored": "2026-12-01T14:00:00.123456Z", "never": null})
        );
        let whole = DateTime::parse_from_rfc3339("2026-12-01T16:00:00Z").unwrap();
        assert_eq!(
            format(&whole.with_timezone(&Utc)),
            "2026-12-01T16:00:00.000000Z"
        );
    }
}
