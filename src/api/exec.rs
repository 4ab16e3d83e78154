//! Running a request's database work: the user re-check, the idempotency claim, and the one
//! transaction that holds the effect, its audit events and its stored response.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName};
use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::future::{Ready, ready};

use crate::api::json::ValidJson;
use crate::auth::Actor;
use crate::db::user_session::Unconfirmed;
use crate::db::{Conn, Db, idempotency, users, write_tx};
use crate::error::ApiError;
use crate::state::AppState;

/// The response header that marks a replayed answer.
pub const REPLAYED: &str = "idempotent-replayed";
/// The longest `Idempotency-Key` accepted.
pub const MAX_KEY_LEN: usize = 255;

/// A handler's successful answer: status and JSON body.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub body: String,
    /// The `Location` of what the request created (not kept for `Idempotency-Key` replays,
    /// whose body names it).
    pub location: Option<String>,
}

impl Reply {
    pub fn json(status: StatusCode, value: &impl Serialize) -> Result<Self, ApiError> {
        Ok(Self {
            status,
            body: serde_json::to_string(value).map_err(ApiError::internal)?,
            location: None,
        })
    }
    /// The same answer with a `Location` header.
    pub fn at(self, location: String) -> Self {
        Self {
            location: Some(location),
            ..self
        }
    }
    pub fn ok(value: &impl Serialize) -> Result<Self, ApiError> {
        Self::json(StatusCode::OK, value)
    }
    pub fn created(value: &impl Serialize) -> Result<Self, ApiError> {
        Self::json(StatusCode::CREATED, value)
    }
    /// 201 with `Location: <collection>/<the value's id>`.
    pub fn created_in(collection: &str, value: &impl Serialize) -> Result<Self, ApiError> {
        let json = serde_json::to_value(value).map_err(ApiError::internal)?;
        let id = json["id"]
            .as_i64()
            .ok_or_else(|| ApiError::internal("a created resource without an id"))?;
        Ok(Self {
            status: StatusCode::CREATED,
            body: json.to_string(),
            location: Some(format!("{collection}/{id}")),
        })
    }
    /// An error answer that is still the request's result: committed with its audit event and
    /// stored for `Idempotency-Key` replays (a refused contact).
    pub fn problem(err: &ApiError) -> Result<Self, ApiError> {
        Self::json(actix_web::ResponseError::status_code(err), &err.problem())
    }

    fn into_response(self, replayed: bool) -> HttpResponse {
        let mut res = HttpResponse::build(self.status);
        if replayed {
            res.insert_header((HeaderName::from_static(REPLAYED), "true"));
        }
        if let Some(location) = self.location {
            res.insert_header((header::LOCATION, location));
        }
        let content_type = if self.status.as_u16() >= 400 {
            "application/problem+json"
        } else {
            "application/json"
        };
        if self.body.is_empty() {
            res.finish()
        } else {
            res.insert_header((header::CONTENT_TYPE, content_type))
                .body(self.body)
        }
    }
}

/// The request's `Idempotency-Key`, if any, with what the request is (method and path) so a key
/// reused on another route counts as a different request.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    key: Option<String>,
    route: String,
}

impl FromRequest for IdempotencyKey {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let route = format!("{} {}", req.method(), req.path());
        let key = match req.headers().get("idempotency-key") {
            None => None,
            Some(v) => match v.to_str() {
                Ok(k)
                    if !k.is_empty()
                        && k.len() <= MAX_KEY_LEN
                        && k.bytes().all(|b| b.is_ascii_graphic()) =>
                {
                    Some(k.to_owned())
                }
                _ => {
                    return ready(Err(ApiError::invalid(
                        "Idempotency-Key",
                        format!("must be 1 to {MAX_KEY_LEN} visible ASCII characters"),
                    )));
                }
            },
        };
        ready(Ok(Self { key, route }))
    }
}

impl IdempotencyKey {
    fn fingerprint(&self, body_digest: &[u8; 32]) -> String {
        let mut h = Sha256::new();
        h.update(self.route.as_bytes());
        h.update(b"\n");
        h.update(body_digest);
        hex::encode(h.finalize())
    }
}

/// Runs read-only work for `actor` (after re-checking that the user is still active).
pub async fn read<T, F>(db: &Db, actor: Actor, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Conn, &Actor) -> Result<T, ApiError> + Send + 'static,
{
    db.run(move |conn| {
        let actor = users::recheck(conn, actor)?;
        f(conn, &actor)
    })
    .await
}

/// A read the replica may serve (reports, the account list): with a replica, the user re-check on
/// the primary (a revoked session ends at once, whatever the replica's lag), then `f` on the
/// replica when it is fit to answer, else on the primary; without one, [`read`].
pub async fn read_replica<T, F>(state: &AppState, actor: Actor, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Conn, &Actor) -> Result<T, ApiError> + Clone + Send + 'static,
{
    let Some(replica) = &state.replica else {
        return read(&state.db, actor, f).await;
    };
    let actor = state
        .db
        .run(move |conn| users::recheck(conn, actor))
        .await?;
    replica.read(&state.db, move |conn| f(conn, &actor)).await
}

/// Runs a state change for `actor` in one transaction, honouring `Idempotency-Key`.
/// `body_digest` is the SHA-256 of the request body (`ValidJson::digest`; [`empty_body_digest`] when
/// the route takes none).
pub async fn write<F>(
    db: &Db,
    actor: Actor,
    idem: IdempotencyKey,
    body_digest: [u8; 32],
    f: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut Conn, &Actor) -> Result<Reply, ApiError> + Send + 'static,
{
    let upfront = move |conn: &mut Conn, caller: Unconfirmed, _: bool| {
        let actor = caller.recheck(conn)?;
        Ok(Box::new(move |tx: &mut Conn| f(tx, &actor)) as Work)
    };
    run_write(db, actor, idem, body_digest, upfront).await
}

/// [`write`] for work that re-checks the caller's session in its own first statement (the
/// logged call): one round trip fewer. With an `Idempotency-Key` the session is re-checked before
/// the claim as well, as [`write`] does, so that a stored answer is replayed only to a session
/// that is still valid.
pub async fn write_rechecking<F>(
    db: &Db,
    actor: Actor,
    idem: IdempotencyKey,
    body_digest: [u8; 32],
    f: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut Conn, Unconfirmed) -> Result<Reply, ApiError> + Send + 'static,
{
    let within = move |conn: &mut Conn, caller: Unconfirmed, keyed: bool| {
        let caller = if keyed {
            Unconfirmed::new(caller.recheck(conn)?)
        } else {
            caller
        };
        Ok(Box::new(move |tx: &mut Conn| f(tx, caller)) as Work)
    };
    run_write(db, actor, idem, body_digest, within).await
}

/// A request's work inside its transaction.
type Work = Box<dyn FnOnce(&mut Conn) -> Result<Reply, ApiError>>;

/// The idempotency claim, the transaction with the work and its stored answer, the claim's
/// release on failure. `prepare` runs before the claim, with the caller still to re-check and
/// whether the request carries a key.
async fn run_write<P>(
    db: &Db,
    actor: Actor,
    idem: IdempotencyKey,
    body_digest: [u8; 32],
    prepare: P,
) -> Result<HttpResponse, ApiError>
where
    P: FnOnce(&mut Conn, Unconfirmed, bool) -> Result<Work, ApiError> + Send + 'static,
{
    let pool = db.clone();
    db.run(move |conn| {
        let (user_id, request_id) = (actor.user_id, actor.request_id.clone());
        let now = actor.now;
        let work = prepare(conn, Unconfirmed::new(actor), idem.key.is_some())?;
        let key = match &idem.key {
            None => None,
            Some(key) => {
                let fingerprint = idem.fingerprint(&body_digest);
                match idempotency::claim(conn, user_id, key, &fingerprint, now)? {
                    idempotency::Claim::Fresh => Some(key.clone()),
                    idempotency::Claim::Replay(answer) => {
                        let status =
                            StatusCode::from_u16(answer.status).map_err(ApiError::internal)?;
                        let reply = Reply {
                            status,
                            body: answer.body,
                            location: answer.location,
                        };
                        return Ok((reply, true));
                    }
                    idempotency::Claim::InFlight => {
                        return Err(ApiError::conflict(
                            "idempotency-key-in-use",
                            "a request with this Idempotency-Key is still running; retry when it has finished",
                        ));
                    }
                    idempotency::Claim::Mismatch => {
                        return Err(ApiError::Unprocessable {
                            slug: "idempotency-key-reused",
                            detail: "this Idempotency-Key was used with a different request; use a new key".into(),
                        });
                    }
                }
            }
        };
        let result = write_tx(conn, |tx| {
            let reply = work(tx)?;
            if let Some(key) = &key {
                let status = reply.status.as_u16();
                let location = reply.location.as_deref();
                idempotency::complete(tx, user_id, key, status, &reply.body, location)?;
            }
            Ok(reply)
        });
        if let (Err(_), Some(key)) = (&result, key)
            && idempotency::release(conn, user_id, &key).is_err()
        {
            // The connection died with the request (a database restart): release the claim on
            // another one, so a retry is not refused as in flight until the claim is abandoned.
            release_later(pool.clone(), user_id, key, request_id);
        }
        result.map(|reply| (reply, false))
    })
    .await
    .map(|(reply, replayed)| reply.into_response(replayed))
}

/// A POST with a JSON body (on an id or not): `write`, keyed by the body's digest, with the
/// parsed body handed to `f`.
pub async fn post<B, F>(
    db: &Db,
    actor: Actor,
    idem: IdempotencyKey,
    body: ValidJson<B>,
    f: F,
) -> Result<HttpResponse, ApiError>
where
    B: Send + 'static,
    F: FnOnce(&mut Conn, &Actor, B) -> Result<Reply, ApiError> + Send + 'static,
{
    let digest = body.digest;
    let body = body.into_inner();
    write(db, actor, idem, digest, move |conn, actor| {
        f(conn, actor, body)
    })
    .await
}

/// A POST without a body (an action on an id: cancel, withdraw): `write`, keyed by the empty
/// body's digest.
pub async fn post_empty<F>(
    db: &Db,
    actor: Actor,
    idem: IdempotencyKey,
    f: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut Conn, &Actor) -> Result<Reply, ApiError> + Send + 'static,
{
    write(db, actor, idem, empty_body_digest(), f).await
}

/// Retries releasing an idempotency claim on fresh connections, once a second for a minute.
fn release_later(db: Db, user_id: i64, key: String, request_id: String) {
    let id = request_id.clone();
    let spawned = std::thread::Builder::new()
        .name("arrears-idempotency-release".into())
        .spawn(move || {
            for _ in 0..60 {
                if let Ok(mut conn) = db.checkout()
                    && idempotency::release(&mut conn, user_id, &key).is_ok()
                {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_secs(1));
            }
            log::warn!("request {request_id}: could not release its idempotency key");
        });
    if let Err(e) = spawned {
        log::warn!("request {id}: could not release its idempotency key: {e}");
    }
}

/// SHA-256 of an empty body, for POST routes without one.
pub fn empty_body_digest() -> [u8; 32] {
    Sha256::digest(b"").into()
}

/// Runs a state change that is not a POST (PATCH, PUT): one transaction, no idempotency key.
pub async fn write_plain<T, F>(db: &Db, actor: Actor, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Conn, &Actor) -> Result<T, ApiError> + Send + 'static,
{
    db.run(move |conn| {
        let actor = users::recheck(conn, actor)?;
        write_tx(conn, |tx| f(tx, &actor))
    })
    .await
}
