//! Webhook rules: the signature header, the retry schedule, which addresses a delivery may go
//! to, and how a subscription's event types are stored.

use std::net::IpAddr;

use chrono::Duration;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Problem;
use super::events::EventType;

/// `Arrears-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`; the key is
/// the UTF-8 bytes of the secret.
pub fn signature(secret: &str, unix_seconds: i64, body: &[u8]) -> String {
    // HMAC takes a key of any length: `new_from_slice` cannot fail for it.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of every length"),
    };
    mac.update(unix_seconds.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!(
        "t={unix_seconds},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

/// Waits after the 1st, 2nd, … failed attempt: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h.
pub const RETRY_SCHEDULE_SECONDS: [i64; 8] = [30, 120, 600, 1800, 3600, 7200, 14400, 28800];

/// The largest share a wait is moved by, either way (jitter spreads retries of one outage).
pub const JITTER: f64 = 0.1;

/// When to try again after `attempts` failed attempts: `None` when the schedule is spent (the
/// delivery has then `failed`). `jitter` in [-1, 1] moves the wait by up to `JITTER` of it.
pub fn retry_after(attempts: i64, jitter: f64) -> Option<Duration> {
    let index = usize::try_from(attempts.checked_sub(1)?).ok()?;
    let base = *RETRY_SCHEDULE_SECONDS.get(index)?;
    let factor = 1.0 + JITTER * jitter.clamp(-1.0, 1.0);
    // At most 8 h × 1.1: far inside i64 milliseconds.
    Some(Duration::milliseconds(
        (base as f64 * 1000.0 * factor) as i64,
    ))
}

/// Whether a delivery may go to `ip` when private addresses are not allowed: never to loopback,
/// private, shared (CGNAT), link-local, multicast, unspecified or documentation ranges.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_multicast()
                || v4.is_broadcast()
                || v4.is_unspecified()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b)))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

/// Which webhook addresses are allowed besides public `https` ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TargetRules {
    /// Loopback, private, link-local and multicast addresses too.
    pub allow_private: bool,
    /// Plain `http` too.
    pub allow_http: bool,
}

/// Checks a webhook URL's form: absolute, `https` (or `http` when allowed), a host, no user
/// info, at most 2,000 characters. The addresses the host resolves to are checked apart.
pub fn url_problems(url: &str, rules: TargetRules) -> Option<Problem> {
    let bad = |m: &str| Some(Problem::new("url", m));
    if url.len() > 2000 {
        return bad("must be at most 2000 characters");
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return bad("must be an absolute URL such as https://hooks.example.com/arrears");
    };
    match scheme.to_ascii_lowercase().as_str() {
        "https" => {}
        "http" if rules.allow_http => {}
        "http" => return bad("must be https (plain http needs ARREARS_WEBHOOK_ALLOW_HTTP=true)"),
        _ => return bad("must be an https URL"),
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return bad("must not carry a user name or password");
    }
    if authority.is_empty() || authority.starts_with(':') {
        return bad("names no host");
    }
    None
}

/// What a subscription listens to: some types, or every type (`*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subscription {
    All,
    Types(Vec<EventType>),
}

impl Subscription {
    /// Parses the `event_types` of a request (field errors under `event_types`).
    pub fn parse(names: &[String]) -> Result<Self, Vec<Problem>> {
        if names.is_empty() {
            return Err(vec![Problem::new(
                "event_types",
                "name at least one event type, or \"*\" for all",
            )]);
        }
        if names.iter().any(|n| n == "*") {
            return Ok(Self::All);
        }
        let mut types = Vec::new();
        let mut problems = Vec::new();
        for (i, name) in names.iter().enumerate() {
            match EventType::parse(name) {
                Some(t) if !types.contains(&t) => types.push(t),
                Some(_) => problems.push(Problem::new(format!("event_types[{i}]"), "named twice")),
                None => problems.push(Problem::new(
                    format!("event_types[{i}]"),
                    format!("{name:?} is not an event type"),
                )),
            }
        }
        if problems.is_empty() {
            Ok(Self::Types(types))
        } else {
            Err(problems)
        }
    }

    /// The stored text: `,type,type,` (the relay matches `,<type>,` or `,*,` in it).
    pub fn stored(&self) -> String {
        match self {
            Self::All => ",*,".into(),
            Self::Types(types) => {
                let names: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
                format!(",{},", names.join(","))
            }
        }
    }

    /// The names as the API answers them.
    pub fn names(stored: &str) -> Vec<String> {
        stored
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_hmac_of_time_dot_body() {
        // Worked example, checked with `printf '1700000000.{"a":1}' | openssl dgst -sha256
        // -hmac whsec_test`.
        let sig = signature("whsec_test", 1_700_000_000, br#"{"a":1}"#);
        assert_eq!(
            sig,
            "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789"
        );
        assert_eq!(sig.len(), "t=1700000000,v1=".len() + 64);
        assert_ne!(sig, signature("other", 1_700_000_000, br#"{"a":1}"#));
        assert_ne!(sig, signature("whsec_test", 1_700_000_001, br#"{"a":1}"#));
    }

    #[test]
    fn retries_follow_the_schedule_then_stop() {
        let waits: Vec<i64> = (1..=8)
            .map(|n| retry_after(n, 0.0).map(|d| d.num_seconds()).unwrap_or(-1))
            .collect();
        assert_eq!(waits, RETRY_SCHEDULE_SECONDS.to_vec());
        assert_eq!(retry_after(9, 0.0), None);
        assert_eq!(retry_after(0, 0.0), None);
    }

    #[test]
    fn jitter_moves_a_wait_by_at_most_a_tenth() {
        assert_eq!(retry_after(1, 1.0), Some(Duration::seconds(33)));
        assert_eq!(retry_after(1, -1.0), Some(Duration::seconds(27)));
        assert_eq!(retry_after(1, 5.0), Some(Duration::seconds(33)));
    }

    #[test]
    fn only_public_addresses_are_public() {
        let cases = [
            ("8.8.8.8", true),
            ("127.0.0.1", false),
            ("10.1.2.3", false),
            ("172.16.0.1", false),
            ("192.168.1.1", false),
            ("169.254.169.254", false),
            ("100.64.0.1", false),
            ("224.0.0.1", false),
            ("0.0.0.0", false),
            ("2606:4700::1111", true),
            ("::1", false),
            ("fd00::1", false),
            ("fe80::1", false),
            ("ff02::1", false),
            ("::ffff:127.0.0.1", false),
        ];
        for (ip, public) in cases {
            let addr: IpAddr = ip.parse().expect("an address");
            assert_eq!(is_public(addr), public, "{ip}");
        }
    }

    #[test]
    fn urls_must_be_https_unless_http_is_allowed() {
        let strict = TargetRules::default();
        let lax = TargetRules {
            allow_private: false,
            allow_http: true,
        };
        assert_eq!(url_problems("https://hooks.example.com/x", strict), None);
        assert!(url_problems("http://hooks.example.com/x", strict).is_some());
        assert_eq!(url_problems("http://hooks.example.com/x", lax), None);
        assert!(url_problems("ftp://hooks.example.com/x", lax).is_some());
        assert!(url_problems("hooks.example.com/x", lax).is_some());
        assert!(url_problems("https://user:pw@hooks.example.com/x", strict).is_some());
        assert!(url_problems("https:///x", strict).is_some());
    }

    #[test]
    fn subscriptions_parse_and_store() {
        let all = Subscription::parse(&["*".into()]).expect("all");
        assert_eq!(all.stored(), ",*,");
        let some = Subscription::parse(&["payment.recorded".into(), "contact.logged".into()])
            .expect("some");
        assert_eq!(some.stored(), ",payment.recorded,contact.logged,");
        assert_eq!(
            Subscription::names(&some.stored()),
            vec!["payment.recorded", "contact.logged"]
        );
        let bad = Subscription::parse(&["payment.recorded".into(), "nope".into()]);
        assert_eq!(
            bad.map_err(|p| p[0].field.clone()),
            Err("event_types[1]".into())
        );
        assert!(Subscription::parse(&[]).is_err());
        let twice = Subscription::parse(&["task.created".into(), "task.created".into()]);
        assert!(twice.is_err());
    }
}
