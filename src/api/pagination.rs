//! Cursor pagination shared by every list: `limit` (default 50, 1–500) and an opaque `cursor`;
//! answers `{"data": [...], "next_cursor": "…" | null}`. Keyset on the row id, so pages stay
//! stable while rows are inserted.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;

/// `limit` and `cursor` query parameters.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Items per page, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500, example = 50)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page; omit for the first page.
    pub cursor: Option<String>,
}

/// A validated page request: how many rows, and the id to continue after.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub limit: i64,
    pub after: Option<i64>,
}

impl PageRequest {
    /// How many rows to fetch: one more than the page holds, to learn whether another follows.
    pub fn fetch_limit(&self) -> i64 {
        self.limit + 1
    }
}

impl PageParams {
    /// The validated `limit` alone (for lists with their own cursor format).
    pub fn limit(&self) -> Result<i64, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::invalid(
                "limit",
                format!("must be from 1 to {MAX_LIMIT}"),
            ));
        }
        Ok(limit)
    }

    pub fn parse(&self) -> Result<PageRequest, ApiError> {
        let limit = self.limit()?;
        let after =
            match self.cursor.as_deref() {
                None | Some("") => None,
                Some(c) => Some(decode_cursor(c).ok_or_else(|| {
                    ApiError::invalid("cursor", "is not a cursor this API issued")
                })?),
            };
        Ok(PageRequest { limit, after })
    }
}

/// Encodes an arbitrary keyset position (for lists not ordered by id).
pub fn encode_key(key: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("k:{key}"))
}

/// Decodes a position made by [`encode_key`] (422 on anything else).
pub fn decode_key(cursor: &str) -> Result<String, ApiError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|t| t.strip_prefix("k:").map(str::to_owned))
        .ok_or_else(|| ApiError::invalid("cursor", "is not a cursor this API issued"))
}

fn decode_cursor(cursor: &str) -> Option<i64> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    text.strip_prefix("id:")?.parse().ok()
}

fn encode_cursor(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("id:{id}"))
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    /// The items of this page.
    pub data: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    #[schema(example = "aWQ6NDI")]
    pub next_cursor: Option<String>,
}

impl<T: ToSchema> Page<T> {
    /// Builds a page from up to `limit + 1` rows fetched in keyset order; the extra row only
    /// says that another page exists.
    pub fn from_rows(mut rows: Vec<T>, req: PageRequest, id_of: impl Fn(&T) -> i64) -> Self {
        let more = rows.len() as i64 > req.limit;
        rows.truncate(req.limit as usize);
        let next_cursor = if more {
            rows.last().map(|r| encode_cursor(id_of(r)))
        } else {
            None
        };
        Page {
            data: rows,
            next_cursor,
        }
    }

    /// A page of items kept from a scan whose last row read was `last_id` (`None`: the scan
    /// reached the end), for lists that drop rows after reading them.
    pub fn scanned(data: Vec<T>, last_id: Option<i64>) -> Self {
        Page {
            data,
            next_cursor: last_id.map(encode_cursor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_cursors() {
        let p = |limit: Option<i64>, cursor: Option<&str>| {
            PageParams {
                limit,
                cursor: cursor.map(str::to_owned),
            }
            .parse()
        };
        assert_eq!(p(None, None).unwrap().limit, 50);
        assert!(p(Some(501), None).is_err());
        assert!(p(Some(0), None).is_err());
        assert!(p(None, Some("garbage!")).is_err());
        let c = encode_cursor(42);
        assert_eq!(p(None, Some(&c)).unwrap().after, Some(42));
    }

    #[test]
    fn pages_know_when_more_rows_exist() {
        let req = PageRequest {
            limit: 2,
            after: None,
        };
        let page = Page::from_rows(vec![1i64, 2, 3], req, |v| *v);
        assert_eq!(page.data, vec![1, 2]);
        assert_eq!(page.next_cursor, Some(encode_cursor(2)));
        assert!(
            Page::from_rows(vec![1i64, 2], req, |v| *v)
                .next_cursor
                .is_none()
        );
    }
}
