//! What every handler shares.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::db::Db;
use crate::passwords::PasswordPool;
use crate::proxies::TrustedProxies;
use crate::tokens::JwtKeys;

/// The source of "now". Injectable so that tests move time instead of waiting.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>);

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self(Arc::new(Utc::now))
    }

    /// A clock answering whatever `f` says.
    pub fn from_fn(f: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) -> Self {
        Self(Arc::new(f))
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }
}

/// Application state, cloned into each worker.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub jwt: JwtKeys,
    pub clock: Clock,
    /// Where passwords are hashed and checked.
    pub passwords: PasswordPool,
    /// The load balancers whose `X-Forwarded-For` names the client.
    pub proxies: TrustedProxies,
    /// How long a request body may take to arrive (408 after).
    pub body_timeout: std::time::Duration,
    /// The live event stream's in-process fan-out.
    pub hub: crate::events_hub::EventHub,
    /// Sealing of webhook secrets and the addresses webhooks may go to.
    pub webhooks: WebhookSettings,
    /// The streaming replica for reports and the account list (`ARREARS_REPLICA_URL`).
    pub replica: Option<crate::db::replica::Replica>,
}

/// What webhook registration and delivery need from the configuration.
#[derive(Clone, Debug)]
pub struct WebhookSettings {
    pub key: crate::sealing::SealingKey,
    pub targets: crate::domain::webhook::TargetRules,
}
