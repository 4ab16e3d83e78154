//! The client's address, for the sign-in throttle: the TCP peer, or, behind the load balancers
//! named in `ARREARS_TRUSTED_PROXIES`, the client they name ([`crate::proxies`]).

use std::future::{Ready, ready};

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

use crate::error::ApiError;
use crate::state::AppState;

/// The caller's address as text (`unknown` when the connection has no peer address, as in
/// in-process tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);

impl FromRequest for ClientAddress {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let proxies = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.proxies.clone())
            .unwrap_or_default();
        let forwarded = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        let address = match req.peer_addr() {
            Some(peer) => proxies.client(peer.ip(), forwarded).to_string(),
            None => "unknown".to_owned(),
        };
        ready(Ok(Self(address)))
    }
}
