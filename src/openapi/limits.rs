//! Limits on the strings inside arrays, which utoipa cannot put on an array's items from a field
//! attribute: each from the constant the server checks it with.

use serde_json::{Value, json};

use crate::domain::debtor::TIMEZONE_MAX_CHARS;
use crate::domain::events::EventType;
use crate::domain::strategy::LABEL_MAX_CHARS;

/// The longest event type name (or `*`).
fn event_type_max() -> usize {
    EventType::ALL
        .iter()
        .map(|t| t.as_str().len())
        .max()
        .unwrap_or(1)
}

/// (schema, array property, the longest item in characters)
fn item_limits() -> [(&'static str, &'static str, usize); 7] {
    let topic = crate::api::coaching::TOPIC_MAX_CHARS;
    [
        ("Criteria", "portfolios", LABEL_MAX_CHARS),
        ("Criteria", "regions", LABEL_MAX_CHARS),
        ("CoachingSessionRequest", "topics", topic),
        (
            "CreateDebtorRequest",
            "additional_timezones",
            TIMEZONE_MAX_CHARS,
        ),
        (
            "UpdateDebtorRequest",
            "additional_timezones",
            TIMEZONE_MAX_CHARS,
        ),
        ("WebhookRequest", "event_types", event_type_max()),
        ("WebhookUpdate", "event_types", event_type_max()),
    ]
}

/// Puts `minLength: 1` and each array's item `maxLength` on the document's schemas.
pub(super) fn bound_array_items(doc: &mut Value) {
    for (schema, property, max) in item_limits() {
        let items = &mut doc["components"]["schemas"][schema]["properties"][property]["items"];
        if items.is_object() {
            items["minLength"] = json!(1);
            items["maxLength"] = json!(max);
        }
    }
}
