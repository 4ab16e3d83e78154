//! The policies (contact, approval, allocation, complaint) cached per process, and exact across
//! instances without a round trip of their own.
//!
//! Every write to a policy table draws a new random `policy_version.stamp` (a trigger per table,
//! migration `…_policy_version`, so even a hand edit does; random, so that no two databases share
//! one). Each request's user re-check reads the stamp in its own statement ([`seen`]); a policy
//! read in that request is answered from the process's cache while the cache holds it at that
//! very stamp, and read from the database (and cached) when not. So a change made on any
//! instance is seen by the next request on every instance, as before, and a request costs no
//! policy read while nothing changes.
//!
//! Why this is exact: the stamp is read before the policy, and a policy write changes both in one
//! transaction, so what is read after stamp `s` was seen is `s`'s policy or a newer one, never an
//! older one. A request that writes a policy ([`bypass`]) neither uses nor fills the cache for
//! the rest of its work: what it reads after its own write is not committed yet. Work outside a
//! request (jobs, the command line) sees no stamp and reads the database.

use std::cell::Cell;
use std::sync::RwLock;

use crate::error::ApiError;

thread_local! {
    /// The stamp the current request's re-check read; `None` outside a request, or once the
    /// request has written a policy.
    static SEEN: Cell<Option<i64>> = const { Cell::new(None) };
}

/// Notes the policies' stamp the request's re-check read (`db::user_session`).
pub fn seen(stamp: i64) {
    SEEN.with(|s| s.set(Some(stamp)));
}

/// For the rest of this request, policies are read from the database (it writes one).
pub fn bypass() {
    SEEN.with(|s| s.set(None));
}

/// The span of one request's database work (`Db::run`): the stamp it saw ends with it.
#[derive(Debug)]
pub struct RequestScope(());

impl RequestScope {
    pub fn enter() -> Self {
        SEEN.with(|s| s.set(None));
        Self(())
    }
}

impl Drop for RequestScope {
    fn drop(&mut self) {
        SEEN.with(|s| s.set(None));
    }
}

/// One policy's cache: the policy and the stamp it was cached at.
#[derive(Debug)]
pub struct PolicyCache<T> {
    slot: RwLock<Option<(i64, T)>>,
}

impl<T: Clone> PolicyCache<T> {
    pub const fn new() -> Self {
        Self {
            slot: RwLock::new(None),
        }
    }

    /// The policy at the stamp the request saw, from the cache or from `load`.
    pub fn get(&self, load: impl FnOnce() -> Result<T, ApiError>) -> Result<T, ApiError> {
        let Some(stamp) = SEEN.with(Cell::get) else {
            return load();
        };
        if let Ok(slot) = self.slot.read()
            && let Some((cached, policy)) = slot.as_ref()
            && *cached == stamp
        {
            return Ok(policy.clone());
        }
        let policy = load()?;
        if let Ok(mut slot) = self.slot.write() {
            *slot = Some((stamp, policy.clone()));
        }
        Ok(policy)
    }
}

impl<T: Clone> Default for PolicyCache<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(cache: &PolicyCache<i32>, loads: &Cell<i32>, value: i32) -> i32 {
        cache
            .get(|| {
                loads.set(loads.get() + 1);
                Ok(value)
            })
            .unwrap()
    }

    #[test]
    fn a_stamp_is_loaded_once_and_a_new_one_reloads() {
        let cache = PolicyCache::new();
        let loads = Cell::new(0);
        let _scope = RequestScope::enter();
        // Outside a re-checked request: always the database.
        assert_eq!(counted(&cache, &loads, 1), 1);
        assert_eq!(counted(&cache, &loads, 1), 1);
        assert_eq!(loads.get(), 2);
        seen(7);
        assert_eq!(counted(&cache, &loads, 1), 1);
        assert_eq!(counted(&cache, &loads, 99), 1, "served from the cache");
        assert_eq!(loads.get(), 3);
        seen(-4);
        assert_eq!(counted(&cache, &loads, 2), 2, "a new stamp reloads");
        assert_eq!(counted(&cache, &loads, 99), 2);
        // A request that wrote a policy reads the database from then on.
        bypass();
        assert_eq!(counted(&cache, &loads, 3), 3);
        assert_eq!(counted(&cache, &loads, 3), 3);
        assert_eq!(loads.get(), 6);
    }

    #[test]
    fn the_scope_forgets_the_version() {
        {
            let _scope = RequestScope::enter();
            seen(3);
            assert_eq!(SEEN.with(Cell::get), Some(3));
        }
        assert_eq!(SEEN.with(Cell::get), None);
    }
}
