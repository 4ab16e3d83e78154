//! Sums in SQL: counts as `BIGINT`, and money without overflow on either database.

use diesel::dsl::sql;
use diesel::sql_types::{BigInt, Nullable, Text};

use crate::domain::money::from_split;
use crate::error::ApiError;

/// `SUM` of a count (never near `i64::MAX`).
pub(crate) fn sum(column: &str) -> diesel::expression::SqlLiteral<Nullable<BigInt>> {
    sql::<Nullable<BigInt>>(&format!("CAST(SUM({column}) AS BIGINT)"))
}

/// `SUM` of money that cannot overflow on either database: the high and the low 32 bits of each
/// amount summed apart (each sum fits `BIGINT`), answered as `"high:low"`; read with [`total`].
pub(crate) fn money_sum(column: &str) -> diesel::expression::SqlLiteral<Nullable<Text>> {
    sql::<Nullable<Text>>(&format!(
        "CAST(SUM(({column}) >> 32) AS TEXT) || ':' || CAST(SUM(({column}) & 4294967295) AS TEXT)"
    ))
}

/// The exact total of a [`money_sum`] (0 for no rows).
pub(crate) fn total(split: Option<String>) -> Result<i128, ApiError> {
    let Some(split) = split else { return Ok(0) };
    let parsed = split
        .split_once(':')
        .and_then(|(h, l)| Some(from_split(h.parse().ok()?, l.parse().ok()?)));
    parsed.ok_or_else(|| ApiError::Internal(format!("a money sum read as {split:?}")))
}
