//! Configuration read from the environment. A bad value stops start-up with a message naming the
//! variable, so operators never run a server configured differently from what they think.

use std::net::SocketAddr;

/// Which database the `DATABASE_URL` selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `postgres://…` or `postgresql://…`, passed to libpq unchanged.
    Postgres(String),
    /// `sqlite://PATH`, `sqlite:PATH` or `sqlite::memory:`; holds the file path (or `:memory:`).
    Sqlite(String),
}

impl DatabaseUrl {
    /// Parses a `DATABASE_URL` value; the scheme selects the backend.
    pub fn parse(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_owned()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .ok_or_else(|| {
                format!("DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (got {url:?})")
            })?;
        if path.is_empty() {
            return Err("DATABASE_URL names no SQLite file (use sqlite://arrears.db)".into());
        }
        Ok(Self::Sqlite(path.to_owned()))
    }

    /// True for PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        matches!(self, Self::Postgres(_))
    }
}

/// One environment variable the commands read: `serve --help` lists each (with `[env: …]`), and
/// each can also be given as the flag named after it (`ARREARS_BIND` → `--bind`).
#[derive(Debug, Clone, Copy)]
pub struct Variable {
    pub name: &'static str,
    pub default: Option<&'static str>,
    /// Never shown in `--help` (a value set in the environment would be printed).
    pub secret: bool,
    pub help: &'static str,
}

const fn var(name: &'static str, default: Option<&'static str>, help: &'static str) -> Variable {
    Variable {
        name,
        default,
        secret: false,
        help,
    }
}

const fn secret(name: &'static str, help: &'static str) -> Variable {
    Variable {
        name,
        default: None,
        secret: true,
        help,
    }
}

/// Every variable, in the order `--help` shows them.
pub const VARIABLES: &[Variable] = &[
    Variable {
        name: "DATABASE_URL",
        default: Some("sqlite://arrears.db"),
        secret: true,
        help: "postgres://… (production) or sqlite://FILE (the zero-setup default)",
    },
    var(
        "ARREARS_BIND",
        Some("127.0.0.1:8080"),
        "Address to listen on (HOST:PORT)",
    ),
    secret(
        "ARREARS_JWT_SECRET",
        "HS256 key, at least 32 bytes; required except with --demo",
    ),
    var(
        "ARREARS_JWT_ISSUER",
        Some("arrears"),
        "`iss` of issued tokens, checked",
    ),
    var(
        "ARREARS_JWT_AUDIENCE",
        Some("arrears"),
        "`aud` of issued tokens, checked",
    ),
    var(
        "ARREARS_TOKEN_TTL_SECONDS",
        Some("900"),
        "Access-token lifetime (30-86400)",
    ),
    var(
        "ARREARS_ADMIN_EMAIL",
        None,
        "Creates this admin on start when no user exists",
    ),
    secret(
        "ARREARS_ADMIN_PASSWORD",
        "The password of ARREARS_ADMIN_EMAIL",
    ),
    var(
        "ARREARS_DB_POOL_SIZE",
        Some("16"),
        "Database connections (1-256)",
    ),
    var(
        "ARREARS_WORKERS",
        None,
        "HTTP worker threads (1-256; default: one per physical core)",
    ),
    var(
        "ARREARS_CORS_ORIGINS",
        None,
        "Browser origins allowed by CORS, comma-separated",
    ),
    var(
        "ARREARS_GRACE_DAYS",
        Some("3"),
        "Days an installment may stay unpaid after its due date (0-60)",
    ),
    var(
        "ARREARS_SWEEP_SECONDS",
        Some("300"),
        "Seconds between sweeps and strategy-run checks (5-86400)",
    ),
    var(
        "ARREARS_JOB_LEASE_SECONDS",
        Some("300"),
        "Seconds the daily strategy run's lease holds unrenewed: a stopped instance's run is taken over after this (10-3600)",
    ),
    var(
        "ARREARS_BODY_TIMEOUT_SECONDS",
        Some("30"),
        "Seconds a request body may take to arrive (1-600)",
    ),
    var(
        "ARREARS_TRUSTED_PROXIES",
        None,
        "Load balancers (addresses or networks, comma-separated) whose X-Forwarded-For names the client",
    ),
    secret(
        "ARREARS_WEBHOOK_KEY",
        "Seals webhook secrets at rest, at least 32 bytes (default: derived from ARREARS_JWT_SECRET)",
    ),
    var(
        "ARREARS_WEBHOOK_ALLOW_PRIVATE",
        Some("false"),
        "true: webhooks may go to loopback, private, link-local and multicast addresses",
    ),
    var(
        "ARREARS_WEBHOOK_ALLOW_HTTP",
        Some("false"),
        "true: plain http webhook URLs are allowed",
    ),
    var(
        "ARREARS_REPLICA_URL",
        None,
        "postgres://… of a streaming replica for reports and the account list",
    ),
    var(
        "ARREARS_REPLICA_MAX_LAG_SECONDS",
        Some("5"),
        "Reads go to the primary while the replica is further behind (0-3600)",
    ),
    var(
        "ARREARS_LOG_FORMAT",
        Some("text"),
        "Log lines as text or json",
    ),
    var(
        "RUST_LOG",
        Some("info"),
        "Log filter (tracing-subscriber's EnvFilter syntax)",
    ),
    var(
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        None,
        "Export traces over OTLP/HTTP to this collector (the other OTEL_* variables apply)",
    ),
];

/// The default of a variable in [`VARIABLES`].
fn default_of(name: &str) -> Option<&'static str> {
    VARIABLES
        .iter()
        .find(|v| v.name == name)
        .and_then(|v| v.default)
}

/// Everything the server reads from its environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    /// HS256 key; `None` when `ARREARS_JWT_SECRET` is unset (only `serve --demo` may then generate one).
    pub jwt_secret: Option<Vec<u8>>,
    pub jwt_issuer: String,
    pub jwt_audience: String,
    pub token_ttl_seconds: i64,
    pub admin_email: Option<String>,
    pub admin_password: Option<String>,
    pub db_pool_size: u32,
    /// HTTP worker threads (`ARREARS_WORKERS`; `None`: one per physical core).
    pub workers: Option<usize>,
    /// Origins allowed by CORS (`ARREARS_CORS_ORIGINS`, comma-separated).
    pub cors_origins: Vec<String>,
    /// Days an installment may stay unpaid after its due date (`ARREARS_GRACE_DAYS`).
    pub grace_days: u64,
    /// Seconds between sweeps in `serve` (`ARREARS_SWEEP_SECONDS`).
    pub sweep_seconds: u64,
    /// Seconds the daily strategy run's lease holds without renewal (`ARREARS_JOB_LEASE_SECONDS`).
    pub job_lease_seconds: u64,
    /// Seconds a request body may take to arrive (`ARREARS_BODY_TIMEOUT_SECONDS`, default 30).
    pub body_timeout_seconds: u64,
    /// Load balancers whose `X-Forwarded-For` names the client (`ARREARS_TRUSTED_PROXIES`).
    pub trusted_proxies: crate::proxies::TrustedProxies,
    /// Seals webhook secrets at rest (`ARREARS_WEBHOOK_KEY`, at least 32 bytes; default: derived
    /// from `ARREARS_JWT_SECRET`).
    pub webhook_key: Option<Vec<u8>>,
    /// Webhook addresses a server may send to (`ARREARS_WEBHOOK_ALLOW_PRIVATE`,
    /// `ARREARS_WEBHOOK_ALLOW_HTTP`).
    pub webhook_targets: crate::domain::webhook::TargetRules,
    /// `ARREARS_LOG_FORMAT`.
    pub log_format: crate::telemetry::LogFormat,
    /// `RUST_LOG`.
    pub log_filter: String,
    /// `OTEL_EXPORTER_OTLP_ENDPOINT`: traces are exported when set.
    pub otlp_endpoint: Option<String>,
    /// `ARREARS_REPLICA_URL` and `ARREARS_REPLICA_MAX_LAG_SECONDS`.
    pub replica: Option<ReplicaConfig>,
}

/// Where reports and the account list may read.
#[derive(Debug, Clone)]
pub struct ReplicaConfig {
    pub url: DatabaseUrl,
    pub max_lag_seconds: u64,
}

impl ReplicaConfig {
    fn parse(
        get: &impl Fn(&str) -> Option<String>,
        primary: &DatabaseUrl,
    ) -> Result<Option<Self>, String> {
        let Some(raw) = get("ARREARS_REPLICA_URL") else {
            return Ok(None);
        };
        let url = DatabaseUrl::parse(&raw)?;
        if !url.is_postgres() || !primary.is_postgres() {
            return Err(
                "ARREARS_REPLICA_URL must be a postgres:// URL, with a postgres:// DATABASE_URL \
                 (a streaming replica of that primary)"
                    .into(),
            );
        }
        let max_lag_seconds = parse_number(get, "ARREARS_REPLICA_MAX_LAG_SECONDS", 0, 3_600)?;
        Ok(Some(Self {
            url,
            max_lag_seconds,
        }))
    }
}

/// The minimum length of `ARREARS_JWT_SECRET`, in bytes.
pub const MIN_JWT_SECRET_BYTES: usize = 32;

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, String> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup` (the command line's values in production, a map in
    /// tests); an unset or empty variable takes its default from [`VARIABLES`].
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let get = |name: &str| {
            lookup(name)
                .filter(|v| !v.trim().is_empty())
                .or_else(|| default_of(name).map(str::to_owned))
        };
        let database_url = DatabaseUrl::parse(&get("DATABASE_URL").unwrap_or_default())?;
        let bind = get("ARREARS_BIND")
            .unwrap_or_default()
            .parse()
            .map_err(|e| format!("ARREARS_BIND must be HOST:PORT such as 127.0.0.1:8080 ({e})"))?;
        let jwt_secret = parse_key(&get, "ARREARS_JWT_SECRET")?;
        let token_ttl_seconds = parse_number(&get, "ARREARS_TOKEN_TTL_SECONDS", 30, 86_400)?;
        let db_pool_size = parse_number(&get, "ARREARS_DB_POOL_SIZE", 1, 256)?;
        let workers = match get("ARREARS_WORKERS") {
            None => None,
            Some(_) => Some(parse_number(&get, "ARREARS_WORKERS", 1, 256)?),
        };
        let grace_days = parse_number(&get, "ARREARS_GRACE_DAYS", 0, 60)?;
        let sweep_seconds = parse_number(&get, "ARREARS_SWEEP_SECONDS", 5, 86_400)?;
        let job_lease_seconds = parse_number(&get, "ARREARS_JOB_LEASE_SECONDS", 10, 3_600)?;
        let admin_email = get("ARREARS_ADMIN_EMAIL");
        let admin_password = get("ARREARS_ADMIN_PASSWORD");
        if admin_email.is_some() != admin_password.is_some() {
            return Err(
                "ARREARS_ADMIN_EMAIL and ARREARS_ADMIN_PASSWORD must be set together".into(),
            );
        }
        let cors_origins = get("ARREARS_CORS_ORIGINS")
            .map(|v| {
                v.split(',')
                    .map(|o| o.trim().to_owned())
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let body_timeout_seconds = parse_number(&get, "ARREARS_BODY_TIMEOUT_SECONDS", 1, 600)?;
        let trusted_proxies = crate::proxies::TrustedProxies::parse(
            &get("ARREARS_TRUSTED_PROXIES").unwrap_or_default(),
        )?;
        let webhook_key = parse_key(&get, "ARREARS_WEBHOOK_KEY")?;
        let webhook_targets = crate::domain::webhook::TargetRules {
            allow_private: parse_flag(&get, "ARREARS_WEBHOOK_ALLOW_PRIVATE")?,
            allow_http: parse_flag(&get, "ARREARS_WEBHOOK_ALLOW_HTTP")?,
        };
        let replica = ReplicaConfig::parse(&get, &database_url)?;
        Ok(Self {
            replica,
            webhook_key,
            webhook_targets,
            body_timeout_seconds,
            trusted_proxies,
            database_url,
            bind,
            jwt_secret,
            jwt_issuer: get("ARREARS_JWT_ISSUER").unwrap_or_default(),
            jwt_audience: get("ARREARS_JWT_AUDIENCE").unwrap_or_default(),
            log_format: crate::telemetry::LogFormat::parse(
                &get("ARREARS_LOG_FORMAT").unwrap_or_default(),
            )?,
            log_filter: get("RUST_LOG").unwrap_or_default(),
            otlp_endpoint: get("OTEL_EXPORTER_OTLP_ENDPOINT"),
            token_ttl_seconds,
            admin_email,
            admin_password,
            db_pool_size,
            workers,
            cors_origins,
            grace_days,
            sweep_seconds,
            job_lease_seconds,
        })
    }
}

/// A key of at least [`MIN_JWT_SECRET_BYTES`] bytes, if set.
fn parse_key(get: &impl Fn(&str) -> Option<String>, name: &str) -> Result<Option<Vec<u8>>, String> {
    match get(name) {
        Some(k) if k.len() < MIN_JWT_SECRET_BYTES => Err(format!(
            "{name} must be at least {MIN_JWT_SECRET_BYTES} bytes (got {})",
            k.len()
        )),
        other => Ok(other.map(String::into_bytes)),
    }
}

fn parse_flag(get: &impl Fn(&str) -> Option<String>, name: &str) -> Result<bool, String> {
    match get(name).as_deref().map(str::trim) {
        None | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(other) => Err(format!("{name} must be true or false (got {other:?})")),
    }
}

fn parse_number<T>(
    get: &impl Fn(&str) -> Option<String>,
    name: &str,
    min: T,
    max: T,
) -> Result<T, String>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    let raw = get(name).unwrap_or_default();
    match raw.trim().parse::<T>() {
        Ok(v) if v >= min && v <= max => Ok(v),
        _ => Err(format!(
            "{name} must be a whole number from {min} to {max} (got {raw:?})"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with(vars: &[(&str, &str)]) -> Result<Config, String> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults() {
        let c = with(&[]).unwrap();
        assert_eq!(c.database_url, DatabaseUrl::Sqlite("arrears.db".into()));
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.token_ttl_seconds, 900);
        assert_eq!(c.jwt_issuer, "arrears");
        assert!(c.jwt_secret.is_none());
        assert_eq!(c.log_format, crate::telemetry::LogFormat::Text);
        assert_eq!(c.log_filter, "info");
        assert!(c.otlp_endpoint.is_none());
    }

    #[test]
    fn a_replica_is_a_postgresql_beside_a_postgresql_primary() {
        let pg = "postgres://postgres@127.0.0.1:5432/a";
        let replica = "postgres://postgres@127.0.0.1:5433/a";
        assert!(with(&[]).unwrap().replica.is_none());
        let c = with(&[("DATABASE_URL", pg), ("ARREARS_REPLICA_URL", replica)]).unwrap();
        let r = c.replica.unwrap();
        assert_eq!(
            (r.url, r.max_lag_seconds),
            (DatabaseUrl::Postgres(replica.into()), 5)
        );
        for vars in [
            vec![("ARREARS_REPLICA_URL", replica)],
            vec![
                ("DATABASE_URL", pg),
                ("ARREARS_REPLICA_URL", "sqlite://r.db"),
            ],
            vec![
                ("DATABASE_URL", pg),
                ("ARREARS_REPLICA_URL", replica),
                ("ARREARS_REPLICA_MAX_LAG_SECONDS", "-1"),
            ],
        ] {
            let err = with(&vars).unwrap_err();
            assert!(err.contains("ARREARS_REPLICA_"), "{err}");
        }
    }

    #[test]
    fn every_variable_read_is_listed() {
        let source = include_str!("config.rs");
        let code = &source[..source.find("#[cfg(test)]").unwrap()];
        for (i, _) in code.match_indices("\"ARREARS_") {
            let name: String = code[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                .collect();
            assert!(
                VARIABLES.iter().any(|v| v.name == name),
                "{name} is read but not in VARIABLES (serve --help would not list it)"
            );
        }
        assert!(with(&[("ARREARS_LOG_FORMAT", "xml")]).is_err());
    }

    #[test]
    fn bad_values_name_the_variable() {
        assert!(
            with(&[("ARREARS_JWT_SECRET", "short")])
                .unwrap_err()
                .contains("ARREARS_JWT_SECRET")
        );
        assert!(
            with(&[("ARREARS_BIND", "nope")])
                .unwrap_err()
                .contains("ARREARS_BIND")
        );
        assert!(
            with(&[("ARREARS_TOKEN_TTL_SECONDS", "-3")])
                .unwrap_err()
                .contains("ARREARS_TOKEN_TTL_SECONDS")
        );
        assert!(
            with(&[("DATABASE_URL", "mysql://x")])
                .unwrap_err()
                .contains("DATABASE_URL")
        );
        assert!(
            with(&[("ARREARS_ADMIN_EMAIL", "a@b.c")])
                .unwrap_err()
                .contains("ARREARS_ADMIN_PASSWORD")
        );
    }

    #[test]
    fn database_urls() {
        assert!(
            DatabaseUrl::parse("postgres://u@h/db")
                .unwrap()
                .is_postgres()
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite::memory:").unwrap(),
            DatabaseUrl::Sqlite(":memory:".into())
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///tmp/a.db").unwrap(),
            DatabaseUrl::Sqlite("/tmp/a.db".into())
        );
    }
}
