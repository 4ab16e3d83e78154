//! The kinds and states of a payment arrangement.

super::status::text_enum! {
    /// A plan (installments) or a promise to pay (one amount, one date).
    #[schema(example = "plan")]
    ArrangementKind {
        Plan => "plan",
        Promise => "promise",
    }
}

super::status::text_enum! {
    /// Where an arrangement stands.
    #[schema(example = "active")]
    ArrangementStatus {
        PendingApproval => "pending_approval",
        Active => "active",
        /// Every installment paid (a promise paid in full: kept).
        Completed => "completed",
        /// An installment went unpaid past its grace period.
        Broken => "broken",
        Cancelled => "cancelled",
    }
}
