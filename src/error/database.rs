//! Database and thread-pool failures as API errors: constraint violations are the caller's
//! problem (409/422), a saturated or unreachable database a 503 with `Retry-After`.

use super::ApiError;

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as Kind, Error};
        match &err {
            Error::NotFound => Self::NotFound("not found".into()),
            Error::DatabaseError(kind, info) => match kind {
                Kind::UniqueViolation => Self::conflict(
                    "conflict",
                    "a resource with the same unique value already exists",
                ),
                Kind::ForeignKeyViolation => Self::Unprocessable {
                    slug: "invalid-reference",
                    detail: "the request refers to a resource that does not exist".into(),
                },
                Kind::CheckViolation | Kind::NotNullViolation => Self::Unprocessable {
                    slug: "constraint-violated",
                    detail: "the request breaks a rule of the stored data".into(),
                },
                Kind::SerializationFailure => Self::conflict(
                    "concurrent-update",
                    "the resource changed while the request ran; retry it",
                ),
                // PostgreSQL refuses text with a NUL character (SQLite stores it): the caller's input.
                _ if info.message().contains("invalid byte sequence")
                    || info.message().contains("0x00") =>
                {
                    Self::Unprocessable {
                        slug: "invalid-text",
                        detail: "text must not contain NUL characters".into(),
                    }
                }
                _ if is_busy(info.message()) => Self::Unavailable {
                    retry_after: 1,
                    detail: "the database is busy; retry shortly".into(),
                },
                Kind::ClosedConnection | Kind::ReadOnlyTransaction => unavailable(&err),
                _ if is_unavailable(info.message()) => unavailable(&err),
                _ => unexpected(&err),
            },
            // The connection broke in the middle of a transaction (a server restart).
            Error::BrokenTransactionManager => unavailable(&err),
            _ => unexpected(&err),
        }
    }
}

fn is_busy(message: &str) -> bool {
    message.contains("database is locked") || message.contains("database is busy")
}

/// The database cannot take the request now, through no fault of the request: the disk is full,
/// the SQLite file is read-only, or the PostgreSQL server is shutting down, restarting or gone.
fn is_unavailable(message: &str) -> bool {
    const SIGNS: [&str; 12] = [
        "readonly database",
        "read-only",
        "disk is full",
        "disk I/O error",
        "unable to open database",
        "No space left on device",
        "could not extend file",
        "terminating connection",
        "shutting down",
        "starting up",
        "server closed the connection",
        "no connection to the server",
    ];
    SIGNS.iter().any(|s| message.contains(s))
}

thread_local! {
    static CONNECTION_LOST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a statement on this thread found the database gone, or failed in a way nobody expected,
/// since the last call (and forgets it): the pool then drops the connection instead of handing it out again, since it is not
/// tested on checkout (`db::Manager::has_broken`).
pub fn take_connection_lost() -> bool {
    CONNECTION_LOST.with(|lost| lost.replace(false))
}

/// 500 for a database error nobody expected; its connection is not trusted again either.
fn unexpected(err: &diesel::result::Error) -> ApiError {
    CONNECTION_LOST.with(|lost| lost.set(true));
    ApiError::Internal(format!("database: {err}"))
}

/// 503 with `Retry-After` for a database that is down, full or read-only (logged, not told).
fn unavailable(err: &diesel::result::Error) -> ApiError {
    log::warn!("database unavailable: {err}");
    CONNECTION_LOST.with(|lost| lost.set(true));
    ApiError::Unavailable {
        retry_after: 5,
        detail: "the database cannot take this request now (it is restarting, full or read-only); retry shortly".into(),
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(err: actix_web::error::BlockingError) -> Self {
        Self::Internal(format!("blocking task failed: {err}"))
    }
}
