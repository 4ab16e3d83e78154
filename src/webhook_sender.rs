//! Sending webhook deliveries, the HTTP half: a `reqwest` client (rustls, 10 s timeout, no
//! redirects) whose resolver refuses loopback, private, link-local and multicast addresses
//! unless `ARREARS_WEBHOOK_ALLOW_PRIVATE=true`, so the check holds against the address actually
//! connected to, at every delivery (a host that resolved to a public address when registered
//! and to 127.0.0.1 later is refused then). And the job every instance runs: a relay pass, then
//! claim due deliveries, send them concurrently, record each attempt.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rand::Rng;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::db::{Db, events, write_tx};
use crate::domain::Problem;
use crate::domain::webhook::{TargetRules, is_public, signature};
use crate::error::ApiError;
use crate::state::{Clock, WebhookSettings};
use crate::workflows::event_relay;
use crate::workflows::webhook_delivery::{self, Attempt, Outgoing};

/// How long a receiver has to answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Deliveries one sender claims at a time.
const BATCH: i64 = 32;

/// Resolves with the system resolver, keeping only the addresses the rules allow.
struct GuardedResolver {
    rules: TargetRules,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let rules = self.rules;
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| rules.allow_private || is_public(a.ip()))
                .collect();
            if found.is_empty() {
                return Err(format!(
                    "{host} resolves to no address a webhook may be sent to (loopback, private, \
                     link-local and multicast addresses are refused)"
                )
                .into());
            }
            let addrs: Addrs = Box::new(found.into_iter());
            Ok(addrs)
        })
    }
}

/// The webhook HTTP client.
#[derive(Clone)]
pub struct Sender {
    client: reqwest::Client,
    rules: TargetRules,
}

impl Sender {
    pub fn new(rules: TargetRules) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(Arc::new(GuardedResolver { rules }))
            .user_agent(concat!("arrears-webhooks/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("the webhook HTTP client cannot start: {e}"))?;
        Ok(Self { client, rules })
    }

    /// One attempt: POST the body, signed; any 2xx within the timeout is delivered.
    pub async fn send(&self, out: &Outgoing, now: DateTime<Utc>) -> Attempt {
        let started = Instant::now();
        let result = self.try_send(out, now).await;
        let duration_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
        let (status_code, error) = match result {
            Ok(code) if (200..300).contains(&code) => (Some(code), None),
            Ok(code) => (Some(code), Some(format!("the receiver answered {code}"))),
            Err(e) => (None, Some(e)),
        };
        Attempt {
            at: now,
            status_code,
            duration_ms,
            error,
        }
    }

    async fn try_send(&self, out: &Outgoing, now: DateTime<Utc>) -> Result<i64, String> {
        let secret = out.secret.clone()?;
        let url = reqwest::Url::parse(&out.url).map_err(|e| format!("bad URL: {e}"))?;
        if let Some(problem) = literal_problem(&url, self.rules) {
            return Err(problem.message);
        }
        let response = self
            .client
            .post(url)
            .header("Content-Type", "application/json")
            .header("Arrears-Event-Id", &out.event_id)
            .header("Arrears-Event-Type", &out.event_type)
            .header(
                "Arrears-Signature",
                signature(&secret, now.timestamp(), out.body.as_bytes()),
            )
            .body(out.body.clone())
            .send()
            .await
            .map_err(|e| describe(&e))?;
        Ok(i64::from(response.status().as_u16()))
    }
}

fn describe(e: &reqwest::Error) -> String {
    use std::error::Error;
    let mut text = if e.is_timeout() {
        "no answer within 10 s".to_owned()
    } else {
        e.to_string()
    };
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// A URL whose host is an address literal the rules refuse (the resolver does not see those).
fn literal_problem(url: &reqwest::Url, rules: TargetRules) -> Option<Problem> {
    let ip: IpAddr = match url.host()? {
        url::Host::Ipv4(v4) => v4.into(),
        url::Host::Ipv6(v6) => v6.into(),
        url::Host::Domain(_) => return None,
    };
    (!rules.allow_private && !is_public(ip)).then(|| {
        Problem::new(
            "url",
            format!("{ip} is a loopback, private, link-local or multicast address"),
        )
    })
}

/// Checks a URL to register: its form, and (unless private addresses are allowed) that its host
/// resolves only to public addresses.
pub async fn check_target(url: &str, rules: TargetRules) -> Result<(), Problem> {
    if let Some(p) = crate::domain::webhook::url_problems(url, rules) {
        return Err(p);
    }
    let parsed = reqwest::Url::parse(url).map_err(|e| Problem::new("url", e.to_string()))?;
    if let Some(p) = literal_problem(&parsed, rules) {
        return Err(p);
    }
    if rules.allow_private {
        return Ok(());
    }
    let Some(url::Host::Domain(host)) = parsed.host() else {
        return Ok(());
    };
    let found: Vec<IpAddr> = tokio::net::lookup_host((host, 443))
        .await
        .map_err(|_| Problem::new("url", format!("{host} does not resolve")))?
        .map(|a| a.ip())
        .collect();
    match found.iter().find(|ip| !is_public(**ip)) {
        Some(ip) => Err(Problem::new(
            "url",
            format!(
                "{host} resolves to {ip}, a loopback, private, link-local or multicast address"
            ),
        )),
        None if found.is_empty() => Err(Problem::new("url", format!("{host} does not resolve"))),
        None => Ok(()),
    }
}

/// One round: a relay pass, then the due deliveries claimed, sent concurrently and recorded.
/// Answers how many were attempted.
pub async fn round(
    db: &Db,
    sender: &Sender,
    settings: &WebhookSettings,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let key = settings.key.clone();
    let claimed = db
        .run(move |conn| {
            if events::waiting(conn)? {
                write_tx(conn, |tx| event_relay::pass(tx, now))?;
            }
            write_tx(conn, |tx| webhook_delivery::claim(tx, &key, now, BATCH))
        })
        .await?;
    let count = claimed.len();
    let mut sends = Vec::with_capacity(count);
    for out in claimed {
        let sender = sender.clone();
        let db = db.clone();
        sends.push(actix_web::rt::spawn(async move {
            let attempt = sender.send(&out, now).await;
            let jitter = rand::rng().random_range(-1.0..=1.0);
            db.run(move |conn| webhook_delivery::record(conn, &out, &attempt, jitter))
                .await
        }));
    }
    for send in sends {
        match send.await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => log::warn!("recording a webhook attempt failed: {e}"),
            Err(e) => log::warn!("a webhook send stopped: {e}"),
        }
    }
    Ok(count)
}

/// The job `serve` runs on every instance: a round every `every` (at once again after a full
/// batch).
pub async fn run(db: Db, sender: Sender, settings: WebhookSettings, clock: Clock, every: Duration) {
    loop {
        match round(&db, &sender, &settings, clock.now()).await {
            Ok(n) if n as i64 >= BATCH => continue,
            Ok(_) => {}
            Err(e) => log::warn!("webhook round failed: {e}"),
        }
        actix_web::rt::time::sleep(every).await;
    }
}
