//! Leases for background jobs: a job runs only on the instance holding its lease, a row with an
//! expiry. A holder renews it while it works; when its instance stops, the lease lapses and the
//! next instance to ask takes it. Both statements are conditional, so two instances asking at
//! once never both hold it, on either backend.

use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::schema::job_leases as jl;
use super::{Conn, to_db_time};
use crate::error::ApiError;

/// This process's name as a lease holder: unique per start.
pub fn holder() -> &'static str {
    static HOLDER: OnceLock<String> = OnceLock::new();
    HOLDER.get_or_init(|| format!("pid-{}-{}", std::process::id(), uuid::Uuid::new_v4()))
}

/// Takes (or renews) the lease `name` for `holder` until `now + ttl`: `true` when held.
pub fn acquire(
    conn: &mut Conn,
    name: &str,
    holder: &str,
    now: DateTime<Utc>,
    ttl: Duration,
) -> Result<bool, ApiError> {
    let until = to_db_time(now + ttl);
    let row = (
        jl::name.eq(name),
        jl::holder.eq(holder),
        jl::expires_at.eq(until),
    );
    let inserted = super::with_inner!(conn, c => diesel::insert_into(jl::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(c))?;
    if inserted == 1 {
        return Ok(true);
    }
    let free = jl::name
        .eq(name)
        .and(jl::holder.eq(holder).or(jl::expires_at.lt(to_db_time(now))));
    let taken = diesel::update(jl::table.filter(free))
        .set((jl::holder.eq(holder), jl::expires_at.eq(until)))
        .execute(conn)?;
    Ok(taken == 1)
}

/// Gives the lease up (when `holder` holds it).
pub fn release(
    conn: &mut Conn,
    name: &str,
    holder: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    diesel::update(jl::table.filter(jl::name.eq(name).and(jl::holder.eq(holder))))
        .set(jl::expires_at.eq(to_db_time(now)))
        .execute(conn)?;
    Ok(())
}
