//! Defining strategies: drafts validated by `domain::strategy`, activation (the active one
//! retires), and promoting a challenger to a strategy of its own.

use crate::actor::Actor;
use crate::db::Conn;
use crate::db::strategies::{self, Definition, Strategy, StrategyStatus};
use crate::domain::strategy::problems;
use crate::error::ApiError;

/// A strategy as asked for.
#[derive(Debug, Clone)]
pub struct StrategyAsk {
    pub name: String,
    pub definition: Definition,
}

fn checked(ask: &StrategyAsk) -> Result<(), ApiError> {
    let d = &ask.definition;
    ApiError::unless_any(problems(&ask.name, &d.segments, d.challenger.as_ref()))
}

/// A new draft.
pub fn create(conn: &mut Conn, actor: &Actor, ask: StrategyAsk) -> Result<Strategy, ApiError> {
    checked(&ask)?;
    strategies::insert(conn, actor, ask.name.trim(), &ask.definition, None)?.try_into()
}

/// Replaces a draft (409 `strategy-immutable` once it has been active).
pub fn replace(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    ask: StrategyAsk,
) -> Result<Strategy, ApiError> {
    checked(&ask)?;
    let before = strategies::find(conn, id)?;
    strategies::replace_draft(conn, actor, &before, ask.name.trim(), &ask.definition)?
        .ok_or_else(immutable)?
        .try_into()
}

fn immutable() -> ApiError {
    ApiError::conflict(
        "strategy-immutable",
        "the strategy has been active: it does not change; create a new one",
    )
}

/// The one active strategy from now on.
pub fn activate(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Strategy, ApiError> {
    strategies::activate(conn, actor, id)?.try_into()
}

/// A new active strategy whose segments are the active one's challenger's, without a
/// challenger; the old one retires.
pub fn promote_challenger(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Strategy, ApiError> {
    let current = strategies::find(conn, id)?;
    if current.status()? != StrategyStatus::Active {
        return Err(ApiError::conflict(
            "strategy-not-active",
            "only the active strategy's challenger is promoted",
        ));
    }
    let Some(challenger) = current.definition()?.challenger else {
        return Err(ApiError::conflict(
            "no-challenger",
            "the strategy has no challenger to promote",
        ));
    };
    let definition = Definition {
        segments: challenger.segments,
        challenger: None,
    };
    let name = format!("{} (challenger promoted)", current.name);
    let draft = strategies::insert(conn, actor, &name, &definition, Some(current.id))?;
    strategies::activate(conn, actor, draft.id)?.try_into()
}
