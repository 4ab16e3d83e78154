//! Constraint violations the caller caused, mapped to their problem: the database decides in the
//! write itself (no check-then-insert race, no extra round trip).

use crate::error::ApiError;

/// A constraint the database enforces, whose violation is the caller's mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Violation {
    Unique,
    ForeignKey,
}

/// For `.map_err`: a violation of one of `cases` becomes that case's problem; any other error
/// maps as usual. `.map_err(on_constraint(&[(Violation::Unique, &email_taken),
/// (Violation::ForeignKey, &no_such_team)]))` — the database decides in the same statement, so
/// no check-then-insert race and no extra round trip.
pub fn on_constraint<'a>(
    cases: &'a [(Violation, &'a dyn Fn() -> ApiError)],
) -> impl FnOnce(diesel::result::Error) -> ApiError + 'a {
    move |e| {
        let found = match &e {
            diesel::result::Error::DatabaseError(kind, _) => match kind {
                diesel::result::DatabaseErrorKind::UniqueViolation => Some(Violation::Unique),
                diesel::result::DatabaseErrorKind::ForeignKeyViolation => {
                    Some(Violation::ForeignKey)
                }
                _ => None,
            },
            _ => None,
        };
        match cases.iter().find(|(v, _)| Some(*v) == found) {
            Some((_, refusal)) => refusal(),
            None => e.into(),
        }
    }
}

/// `on_constraint` for the common case of one unique constraint: `.map_err(on_unique(name_taken))`.
pub fn on_unique(
    conflict: impl FnOnce() -> ApiError,
) -> impl FnOnce(diesel::result::Error) -> ApiError {
    move |e| {
        if is_unique_violation(&e) {
            conflict()
        } else {
            e.into()
        }
    }
}

/// True when `err` is a unique-constraint violation.
pub fn is_unique_violation(err: &diesel::result::Error) -> bool {
    matches!(
        err,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}
