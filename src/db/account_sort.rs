//! How `GET /v1/accounts` orders its pages: by id (the default), or by balance, days past due or
//! last change, either way, with the id breaking ties. Each sort has its own keyset cursor
//! (the last row's key and id), so pages stay stable while rows are inserted, and a cursor of
//! one sort is refused under another.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::MultiBackend;
use super::accounts::Account;
use super::schema::{accounts as a, debtors as d};
use crate::error::ApiError;

/// What the list is ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Id,
    Balance,
    DaysPastDue,
    UpdatedAt,
}

/// A sort key and its direction (`-` in front: descending).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountSort {
    pub key: SortKey,
    pub descending: bool,
}

/// Where the next page of a sorted list starts: after this row.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    key: String,
    id: i64,
}

impl Position {
    /// After this id, in the list by id (whose cursor is the id every list takes).
    pub fn after_id(id: i64) -> Self {
        Self {
            key: String::new(),
            id,
        }
    }
}

const KEYS: [(&str, SortKey); 3] = [
    ("balance", SortKey::Balance),
    ("days_past_due", SortKey::DaysPastDue),
    ("updated_at", SortKey::UpdatedAt),
];

impl AccountSort {
    pub const BY_ID: Self = Self {
        key: SortKey::Id,
        descending: false,
    };

    /// `balance`, `-balance`, `days_past_due`, `-days_past_due`, `updated_at`, `-updated_at`.
    pub fn parse(text: Option<&str>) -> Result<Self, ApiError> {
        // Absent: by id. Present, it must name a sort (an empty `sort=` is a mistake, not a default).
        let Some(text) = text else {
            return Ok(Self::BY_ID);
        };
        let (descending, name) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        KEYS.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, key)| Self {
                key: *key,
                descending,
            })
            .ok_or_else(|| {
                ApiError::invalid(
                    "sort",
                    "must be balance, days_past_due or updated_at, with - in front for descending",
                )
            })
    }

    fn name(&self) -> String {
        let name = KEYS
            .iter()
            .find(|(_, k)| *k == self.key)
            .map_or("id", |(n, _)| n);
        format!("{}{name}", if self.descending { "-" } else { "" })
    }

    /// The position after `account` under this sort, as text (the API encodes it as a cursor).
    pub fn after(&self, account: &Account) -> String {
        let key = match self.key {
            SortKey::Id => String::new(),
            SortKey::Balance => account.balance.to_string(),
            SortKey::DaysPastDue => account.delinquent_since.to_string(),
            SortKey::UpdatedAt => super::to_db_time(account.updated_at)
                .and_utc()
                .timestamp_micros()
                .to_string(),
        };
        format!("{}|{key}|{}", self.name(), account.id)
    }

    /// The position `text` (made by [`AccountSort::after`]) names: 422 on `cursor` for another
    /// sort's position or a foreign one.
    pub fn position(&self, text: &str) -> Result<Position, ApiError> {
        let mut parts = text.splitn(3, '|');
        let (Some(sort), Some(key), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(ApiError::invalid(
                "cursor",
                "is not a cursor this API issued",
            ));
        };
        if sort != self.name() {
            return Err(ApiError::invalid(
                "cursor",
                format!(
                    "belongs to sort={sort}; ask again without a cursor for sort={}",
                    self.name()
                ),
            ));
        }
        let id = id
            .parse()
            .map_err(|_| ApiError::invalid("cursor", "is not a cursor this API issued"))?;
        Ok(Position {
            key: key.to_owned(),
            id,
        })
    }
}

pub type Boxed =
    diesel::dsl::IntoBoxed<'static, diesel::dsl::InnerJoin<a::table, d::table>, MultiBackend>;

fn bad_cursor() -> ApiError {
    ApiError::invalid("cursor", "is not a cursor this API issued")
}

/// `q` ordered by `sort`, continuing after `after`. Days past due grow as `delinquent_since`
/// goes back, so that key runs the other way in SQL.
pub fn ordered(q: Boxed, sort: AccountSort, after: Option<&Position>) -> Result<Boxed, ApiError> {
    macro_rules! keyset {
        ($q:expr, $column:expr, $value:expr, $sql_descending:expr) => {{
            let mut q = $q;
            if let Some(p) = after {
                let v = $value(&p.key).ok_or_else(bad_cursor)?;
                let tie = $column.eq(v).and(a::id.gt(p.id));
                q = if $sql_descending {
                    q.filter($column.lt(v).or(tie))
                } else {
                    q.filter($column.gt(v).or(tie))
                };
            }
            if $sql_descending {
                q.order(($column.desc(), a::id.asc()))
            } else {
                q.order(($column.asc(), a::id.asc()))
            }
        }};
    }
    let micros = |k: &String| {
        k.parse::<i64>()
            .ok()
            .and_then(chrono::DateTime::from_timestamp_micros)
            .map(|t| t.naive_utc())
    };
    Ok(match sort.key {
        SortKey::Id => {
            let q = match after {
                Some(p) => q.filter(a::id.gt(p.id)),
                None => q,
            };
            q.order(a::id.asc())
        }
        SortKey::Balance => keyset!(
            q,
            a::balance,
            |k: &String| k.parse::<i64>().ok(),
            sort.descending
        ),
        SortKey::DaysPastDue => keyset!(
            q,
            a::delinquent_since,
            |k: &String| k.parse::<NaiveDate>().ok(),
            !sort.descending
        ),
        SortKey::UpdatedAt => keyset!(q, a::updated_at, micros, sort.descending),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_parse_and_name_themselves() {
        let s = AccountSort::parse(Some("-balance")).unwrap();
        assert_eq!((s.key, s.descending), (SortKey::Balance, true));
        assert_eq!(s.name(), "-balance");
        assert_eq!(AccountSort::parse(None).unwrap(), AccountSort::BY_ID);
        assert_eq!(
            AccountSort::parse(Some("days_past_due")).unwrap().key,
            SortKey::DaysPastDue
        );
        assert!(AccountSort::parse(Some("name")).is_err());
        assert!(AccountSort::parse(Some("--balance")).is_err());
        assert!(AccountSort::parse(Some("")).is_err());
    }

    #[test]
    fn a_cursor_belongs_to_its_sort() {
        let by_balance = AccountSort::parse(Some("balance")).unwrap();
        let cursor = "balance|500|7";
        assert_eq!(
            by_balance.position(cursor).unwrap(),
            Position {
                key: "500".into(),
                id: 7
            }
        );
        let descending = AccountSort::parse(Some("-balance")).unwrap();
        assert!(descending.position(cursor).is_err());
    }
}
