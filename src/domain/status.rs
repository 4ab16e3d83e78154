//! `text_enum!`, the one way to declare an enum the database stores as TEXT (with a CHECK of the
//! same values): serde, the OpenAPI schema and `as_str` from one list, read back with
//! `db::stored`, which refuses unknown text. Also the lifecycle states of approval requests,
//! disputes and escalations, as named enums so the OpenAPI document (and the clients generated
//! from it) list every value.

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            PartialOrd,
            Ord,
            Hash,
            ::serde::Serialize,
            ::serde::Deserialize,
            ::utoipa::ToSchema,
        )]
        #[serde(rename_all = "snake_case")]
        $(#[$meta])*
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stored (and serialized) text.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }
        }
    };
}
pub(crate) use text_enum;

text_enum! {
    /// Where an approval request is: `pending` until decided; a settlement, once approved,
    /// becomes `fulfilled` when paid by its due date or `lapsed` when not.
    #[schema(example = "pending")]
    ApprovalStatus {
        Pending => "pending",
        Approved => "approved",
        Rejected => "rejected",
        Cancelled => "cancelled",
        Fulfilled => "fulfilled",
        Lapsed => "lapsed",
    }
}

text_enum! {
    /// Where a dispute is: `open` (collection paused) until a team lead or above upholds or
    /// rejects it.
    #[schema(example = "open")]
    DisputeStatus {
        Open => "open",
        Upheld => "upheld",
        Rejected => "rejected",
    }
}

text_enum! {
    /// Where an escalation is.
    #[schema(example = "open")]
    EscalationStatus {
        Open => "open",
        Resolved => "resolved",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_is_the_serialized_name() {
        for s in [
            ApprovalStatus::Pending,
            ApprovalStatus::Approved,
            ApprovalStatus::Rejected,
            ApprovalStatus::Cancelled,
            ApprovalStatus::Fulfilled,
            ApprovalStatus::Lapsed,
        ] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for s in [
            DisputeStatus::Open,
            DisputeStatus::Upheld,
            DisputeStatus::Rejected,
        ] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for s in [EscalationStatus::Open, EscalationStatus::Resolved] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }
}
