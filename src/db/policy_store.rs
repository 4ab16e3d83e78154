//! `policy_store!`: a policy stored as one JSON document in its own single-row table (`id = 1`,
//! `policy`, `updated_by`, `updated_at`), read with its default when none is stored, and replaced
//! with an audit event. The contact, allocation, approval and complaint policies are each one
//! invocation.

/// `policy_store!(table, Type, "entity", parse)` writes `current` and `replace` into the calling
/// module; `parse` reads the stored text (`fn(&str) -> serde_json::Result<Type>`).
macro_rules! policy_store {
    ($table:ident, $ty:ty, $entity:literal, $parse:expr) => {
        static CACHE: $crate::db::policy_cache::PolicyCache<$ty> =
            $crate::db::policy_cache::PolicyCache::new();

        /// The policy in force (its default when none is stored; from the process's cache
        /// while the policies' version is unchanged, `db::policy_cache`).
        pub fn current(conn: &mut $crate::db::Conn) -> Result<$ty, $crate::error::ApiError> {
            use diesel::prelude::*;
            use $crate::db::schema::$table as t;
            CACHE.get(|| {
                let stored: Option<String> = t::table
                    .find(1i64)
                    .select(t::policy)
                    .first(conn)
                    .optional()?;
                match stored {
                    Some(text) => ($parse)(&text).map_err(|e| {
                        $crate::error::ApiError::Internal(format!("stored {}: {e}", $entity))
                    }),
                    None => Ok(<$ty>::default()),
                }
            })
        }

        /// Replaces the policy (validated by the caller) and audits the change.
        pub fn replace(
            conn: &mut $crate::db::Conn,
            actor: &$crate::actor::Actor,
            policy: &$ty,
        ) -> Result<$ty, $crate::error::ApiError> {
            use diesel::prelude::*;
            use $crate::db::schema::$table as t;
            $crate::db::policy_cache::bypass();
            let before = current(conn)?;
            let text = serde_json::to_string(policy).map_err($crate::error::ApiError::internal)?;
            let at = $crate::db::to_db_time(actor.now);
            let updated = diesel::update(t::table.find(1i64))
                .set((
                    t::policy.eq(&text),
                    t::updated_by.eq(Some(actor.user_id)),
                    t::updated_at.eq(at),
                ))
                .execute(conn)?;
            if updated == 0 {
                diesel::insert_into(t::table)
                    .values((
                        t::id.eq(1i64),
                        t::policy.eq(&text),
                        t::updated_by.eq(Some(actor.user_id)),
                        t::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
            let json = |p: &$ty| serde_json::to_value(p).unwrap_or_default();
            $crate::db::audit::record(
                conn,
                &actor.into(),
                $crate::db::audit::Change {
                    entity_type: $entity,
                    entity_id: 1,
                    action: concat!($entity, ".updated"),
                    before: Some(json(&before)),
                    after: Some(json(policy)),
                    account_id: None,
                },
            )?;
            Ok(policy.clone())
        }
    };
}
pub(crate) use policy_store;
