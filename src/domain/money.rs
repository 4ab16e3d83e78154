//! Money bounds and totals.
//!
//! Every amount the API takes is at most [`MAX_AMOUNT`] minor units (10^13: a hundred billion in a
//! two-decimal currency), so that no single amount is near `i64::MAX`. Totals over many rows can
//! still pass `i64::MAX` (922,338 accounts at the bound), so they are summed in `i128`: in SQL as
//! two `BIGINT` sums that cannot overflow (the high and the low 32 bits of each amount, see
//! `db::reports::sum`), recombined here.

/// The largest amount (minor units) any money field accepts.
pub const MAX_AMOUNT: i64 = 10_000_000_000_000;

/// Bits in the low part of a split sum.
const LOW_BITS: u32 = 32;

/// A total from its two SQL sums: `SUM(x >> 32)` and `SUM(x & 0xFFFFFFFF)`.
///
/// Each part fits `BIGINT` for any realistic row count: the high part of an amount at the bound
/// is 2,328, the low part below 2^32, so `i64` holds the low sum of two billion rows.
pub fn from_split(high: i64, low: i64) -> i128 {
    (i128::from(high) << LOW_BITS) + i128::from(low)
}

/// `a + b` for totals read as `i128`, saturating (a sum of `i64`s cannot reach it).
pub fn add(a: i128, b: i128) -> i128 {
    a.saturating_add(b)
}

/// Why an amount was refused, for the 422's message.
pub fn check(amount: i64) -> Result<i64, String> {
    if amount.unsigned_abs() > MAX_AMOUNT.unsigned_abs() {
        Err(format!("must be at most {MAX_AMOUNT} minor units"))
    } else {
        Ok(amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_sums_recombine_exactly() {
        let amounts = [
            0_i64,
            1,
            4_294_967_295,
            4_294_967_296,
            MAX_AMOUNT,
            -5,
            -4_294_967_297,
        ];
        for a in amounts {
            assert_eq!(from_split(a >> 32, a & 0xFFFF_FFFF), i128::from(a), "{a}");
        }
        // A million accounts at the bound: past i64::MAX, exact in i128.
        let (n, a) = (1_000_000_i64, MAX_AMOUNT);
        let total = from_split((a >> 32) * n, (a & 0xFFFF_FFFF) * n);
        assert_eq!(total, i128::from(a) * i128::from(n));
        assert!(total > i128::from(i64::MAX));
    }

    #[test]
    fn the_bound() {
        assert_eq!(check(MAX_AMOUNT), Ok(MAX_AMOUNT));
        assert!(check(MAX_AMOUNT + 1).is_err());
        assert!(check(i64::MAX).is_err());
        assert!(check(i64::MIN).is_err());
    }
}
