//! The helpers every test module shares. `TestApp`: the whole application in-process on a fresh
//! database.
//!
//! SQLite by default (a temporary file per test); PostgreSQL when `TEST_DATABASE_URL` names a
//! server, each test in its own database, created here and dropped when the test ends.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

use actix_http::Request;
use actix_service::ServiceExt;
use actix_service::boxed::{self, BoxService};
use actix_web::body::BoxBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::{Method, StatusCode, header::HeaderMap};
use actix_web::test::{self, TestRequest};
use arrears::auth::JwtKeys;
use arrears::config::DatabaseUrl;
use arrears::db::audit::AuditContext;
use arrears::db::users::NewUser;
use arrears::db::{Db, teams, users, write_tx};
use arrears::domain::role::Role;
use arrears::domain::webhook::TargetRules;
use arrears::events_hub::EventHub;
use arrears::metrics::Metrics;
use arrears::sealing::SealingKey;
use arrears::state::{AppState, Clock, WebhookSettings};
use diesel::{Connection, PgConnection, RunQueryDsl};
use serde_json::Value;

pub const PASSWORD: &str = "test-password-123";
pub const SECRET: &[u8] = b"an-integration-test-secret-of-48-bytes-long!!!!!";

/// The password hash shared by seeded users (argon2 is slow on purpose; hash once).
pub fn seeded_hash() -> String {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| arrears::passwords::hash_password(PASSWORD).unwrap())
        .clone()
}

pub enum TestDb {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { admin_url, name } = self
            && let Ok(mut conn) = PgConnection::establish(admin_url)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

pub fn fresh_database() -> (DatabaseUrl, TestDb) {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    match std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        Some(admin_url) => {
            let name = format!(
                "arrears_test_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::SeqCst),
                uuid::Uuid::new_v4().simple().to_string().get(..8).unwrap()
            );
            let mut conn = PgConnection::establish(&admin_url)
                .expect("TEST_DATABASE_URL must reach PostgreSQL");
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .expect("create test database");
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b.to_owned())
                .unwrap();
            (
                DatabaseUrl::Postgres(format!("{base}/{name}")),
                TestDb::Postgres { admin_url, name },
            )
        }
        None => {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("test.db").to_string_lossy().into_owned();
            (DatabaseUrl::Sqlite(path), TestDb::Sqlite(dir))
        }
    }
}

/// A seeded user.
#[derive(Debug, Clone)]
pub struct Seeded {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub team_id: Option<i64>,
}

pub struct TestApp {
    service: BoxService<Request, ServiceResponse<BoxBody>, actix_web::Error>,
    pub state: AppState,
    pub db: Db,
    /// Teams "North" and "South".
    pub north: i64,
    pub south: i64,
    /// One user per role (team lead and agent in North), plus `south_agent`.
    pub users: HashMap<Role, Seeded>,
    pub south_agent: Seeded,
    /// Where the test's database is.
    pub url: DatabaseUrl,
    _database: TestDb,
}

/// A response, read whole.
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    }
    /// Asserts the status and, for errors, the problem+json shape; returns the body.
    #[track_caller]
    pub fn expect(&self, status: u16) -> Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "body: {}",
            String::from_utf8_lossy(&self.body)
        );
        if self.body.is_empty() {
            return Value::Null;
        }
        let body = self.json();
        if status >= 400 {
            assert_eq!(
                self.header("content-type").as_deref(),
                Some("application/problem+json")
            );
            assert_eq!(body["status"], status);
            assert!(
                body["type"]
                    .as_str()
                    .unwrap()
                    .starts_with("https://arrears.dev/problems/"),
                "{body}"
            );
            assert!(
                body["title"].is_string() && body["detail"].is_string(),
                "{body}"
            );
        }
        body
    }
    /// The problem type's slug.
    pub fn slug(&self) -> String {
        self.json()["type"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned()
    }
}

impl TestApp {
    /// The app with its clock fixed at today 16:00 UTC: within calling hours in every US time
    /// zone, so no test depends on the hour it runs at.
    pub async fn new() -> Self {
        Self::with_clock(Clock::from_fn(|| {
            chrono::Utc::now()
                .date_naive()
                .and_hms_opt(16, 0, 0)
                .unwrap()
                .and_utc()
        }))
        .await
    }

    pub async fn with_clock(clock: Clock) -> Self {
        let (url, database) = fresh_database();
        let db = Db::connect(&url, 8).expect("connect");
        let test_url = url.clone();
        db.migrate().expect("migrate");
        let now = clock.now();
        let hash = seeded_hash();
        let (north, south, users, south_agent) = db
            .run(move |conn| {
                write_tx(conn, |tx| {
                    let ctx = AuditContext::system(now);
                    let north = teams::create(tx, &ctx, "North")?.id;
                    let south = teams::create(tx, &ctx, "South")?.id;
                    let mut users = HashMap::new();
                    let make =
                        |tx: &mut arrears::db::Conn, role: Role, team: Option<i64>, email: &str| {
                            let new = NewUser {
                                email: email.into(),
                                name: format!("{role:?} user"),
                                role,
                                team_id: team,
                                password_hash: hash.clone(),
                            };
                            let u = users::create(tx, &ctx, new)?;
                            Ok::<_, arrears::error::ApiError>(Seeded {
                                id: u.id,
                                email: u.email,
                                role,
                                team_id: team,
                            })
                        };
                    for role in Role::ALL {
                        let team = matches!(role, Role::Agent | Role::TeamLead).then_some(north);
                        let s = make(tx, role, team, &format!("{}@test.dev", role.as_str()))?;
                        users.insert(role, s);
                    }
                    let south_agent = make(tx, Role::Agent, Some(south), "south.agent@test.dev")?;
                    Ok((north, south, users, south_agent))
                })
            })
            .await
            .expect("seed");
        let state = AppState {
            db: db.clone(),
            jwt: JwtKeys::new(SECRET, "arrears", "arrears", 900),
            clock,
            passwords: arrears::passwords::PasswordPool::new(2, 64).unwrap(),
            proxies: Default::default(),
            body_timeout: arrears::api::json::BODY_TIMEOUT,
            hub: EventHub::new(
                std::time::Duration::from_secs(15),
                std::time::Duration::from_millis(50),
            ),
            replica: None,
            webhooks: webhook_settings(TargetRules {
                allow_private: true,
                allow_http: true,
            }),
        };
        let metrics = Metrics::new(db.pool().clone()).unwrap();
        let app = test::init_service(arrears::app::build(
            state.clone(),
            metrics,
            vec!["https://app.example.com".into()],
        ))
        .await;
        let service = boxed::service(app.map(|res: ServiceResponse<_>| res.map_into_boxed_body()));
        TestApp {
            service,
            state,
            db,
            north,
            south,
            users,
            south_agent,
            url: test_url,
            _database: database,
        }
    }

    /// The state of a second server instance on the same database: its own pool and stream hub.
    pub fn second_instance(&self) -> AppState {
        AppState {
            db: Db::connect(&self.url, 8).expect("connect"),
            hub: EventHub::new(
                std::time::Duration::from_secs(15),
                std::time::Duration::from_millis(50),
            ),
            ..self.state.clone()
        }
    }

    pub fn user(&self, role: Role) -> &Seeded {
        &self.users[&role]
    }

    /// A valid access token for a seeded user.
    pub fn token(&self, role: Role) -> String {
        let u = self.user(role);
        self.token_for(u)
    }

    pub fn token_for(&self, u: &Seeded) -> String {
        let who = arrears::auth::TokenSubject {
            user_id: u.id,
            role: u.role,
            team_id: u.team_id,
            session_version: 0,
        };
        self.state.jwt.issue(&who, chrono::Utc::now()).unwrap()
    }

    pub async fn call(&self, req: TestRequest) -> TestResponse {
        use actix_web::dev::Service;
        let res = self
            .service
            .call(req.to_request())
            .await
            .expect("service call");
        let status = res.status();
        let headers = res.headers().clone();
        let body = actix_web::body::to_bytes(res.into_body())
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub fn req(method: Method, path: &str, token: Option<&str>) -> TestRequest {
        let mut r = TestRequest::default().method(method).uri(path);
        if let Some(t) = token {
            r = r.insert_header(("Authorization", format!("Bearer {t}")));
        }
        r
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> TestResponse {
        self.call(Self::req(Method::GET, path, token)).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> TestResponse {
        self.call(Self::req(Method::POST, path, token).set_json(body))
            .await
    }

    pub async fn post_with_key(
        &self,
        path: &str,
        token: &str,
        key: &str,
        body: Value,
    ) -> TestResponse {
        self.call(
            Self::req(Method::POST, path, Some(token))
                .insert_header(("Idempotency-Key", key))
                .set_json(body),
        )
        .await
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: Value) -> TestResponse {
        self.call(Self::req(Method::PATCH, path, token).set_json(body))
            .await
    }

    pub async fn put(&self, path: &str, token: Option<&str>, body: Value) -> TestResponse {
        self.call(Self::req(Method::PUT, path, token).set_json(body))
            .await
    }

    /// Runs raw SQL behind the API's back (for tamper tests).
    pub async fn sql(&self, statement: String) -> usize {
        self.db
            .run(move |conn| {
                diesel::sql_query(statement)
                    .execute(conn)
                    .map_err(arrears::error::ApiError::from)
            })
            .await
            .unwrap()
    }
}

/// Today (UTC), as the tests' clock sees it.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The date `n` days from today, as `YYYY-MM-DD`.
pub fn in_days(n: u64) -> String {
    (today() + chrono::Days::new(n)).to_string()
}

/// The instant `days_ago` days before today at `hour`:00 UTC, in RFC 3339.
pub fn at(days_ago: u64, hour: u32) -> String {
    (today() - chrono::Days::new(days_ago))
        .and_hms_opt(hour, 0, 0)
        .unwrap()
        .and_utc()
        .to_rfc3339()
}

/// The webhook settings of a test instance (a fixed sealing key).
pub fn webhook_settings(targets: TargetRules) -> WebhookSettings {
    WebhookSettings {
        key: SealingKey::derive(SECRET),
        targets,
    }
}

/// A real HTTP server on a free local port, serving `state` (for streams and webhooks).
pub struct RealServer {
    pub base: String,
    pub handle: actix_web::dev::ServerHandle,
}

impl RealServer {
    pub async fn start(state: AppState) -> Self {
        let metrics = Metrics::new(state.db.pool().clone()).unwrap();
        let server = actix_web::HttpServer::new(move || {
            arrears::app::build(state.clone(), metrics.clone(), Vec::new())
        })
        .workers(2)
        .disable_signals()
        .shutdown_timeout(1)
        .bind("127.0.0.1:0")
        .unwrap();
        let addr = server.addrs()[0];
        let server = server.run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        RealServer {
            base: format!("http://{addr}"),
            handle,
        }
    }
}

impl RealServer {
    /// A GET as the holder of `token`: the status and the JSON body (null when there is none).
    pub async fn get(&self, path: &str, token: &str) -> (u16, serde_json::Value) {
        let res = reqwest::Client::new()
            .get(format!("{}{path}", self.base))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(serde_json::Value::Null))
    }
}

/// Placement helpers (through the API, as the head).
impl TestApp {
    /// A north account 60 days past due with `balance`, assigned to the north agent.
    pub async fn assigned_account(&self, external_ref: &str, balance: i64) -> i64 {
        let id = self
            .account(external_ref, balance, 60, Some(self.north))
            .await["id"]
            .as_i64()
            .unwrap();
        self.assign(&[id], self.user(Role::Agent).id).await;
        id
    }

    /// An account's status and balance, as the head sees them.
    pub async fn account_state(&self, id: i64) -> (String, i64) {
        let a = self
            .get(&format!("/v1/accounts/{id}"), Some(&self.token(Role::Head)))
            .await
            .expect(200);
        (
            a["status"].as_str().unwrap().to_owned(),
            a["balance"].as_i64().unwrap(),
        )
    }

    pub async fn debtor(&self, name: &str) -> i64 {
        let body = serde_json::json!({"name": name, "phone": "(201) 555-0123", "timezone": "America/New_York", "region": "NJ"});
        self.post("/v1/debtors", Some(&self.token(Role::Head)), body)
            .await
            .expect(201)["id"]
            .as_i64()
            .unwrap()
    }

    /// An account `days` past due with `balance` (original twice that), in `team`.
    pub async fn account(
        &self,
        external_ref: &str,
        balance: i64,
        days: i64,
        team: Option<i64>,
    ) -> Value {
        let debtor = self.debtor(&format!("Debtor of {external_ref}")).await;
        let since = (chrono::Utc::now().date_naive() - chrono::Days::new(days as u64)).to_string();
        let body = serde_json::json!({"external_ref": external_ref, "debtor_id": debtor, "original_amount": balance * 2,
            "balance": balance, "delinquent_since": since, "team_id": team, "portfolio": "cards"});
        self.post("/v1/accounts", Some(&self.token(Role::Head)), body)
            .await
            .expect(201)
    }

    /// Records a cash payment of `amount` on `account` as the holder of `token`.
    pub async fn pay(
        &self,
        account: impl std::fmt::Display,
        amount: i64,
        token: &str,
    ) -> TestResponse {
        let body = serde_json::json!({"amount": amount, "method": "cash"});
        self.post(
            &format!("/v1/accounts/{account}/payments"),
            Some(token),
            body,
        )
        .await
    }

    pub async fn assign(&self, account_ids: &[i64], agent: i64) {
        let body = serde_json::json!({"account_ids": account_ids, "assignee_id": agent});
        self.post("/v1/assignments", Some(&self.token(Role::Head)), body)
            .await
            .expect(201);
    }
}

/// The `key` of every item of a page's (or list's) `data`, as text.
pub fn column<'a>(page: &'a Value, key: &str) -> Vec<&'a str> {
    page["data"]
        .as_array()
        .expect("a page with data")
        .iter()
        .map(|item| item[key].as_str().expect("a text field"))
        .collect()
}

/// A test app whose clock is moved with `at`.
pub struct Travel {
    pub app: TestApp,
    now: Arc<AtomicI64>,
}

impl Travel {
    pub async fn new() -> Self {
        let now = Arc::new(AtomicI64::new(0));
        let read = now.clone();
        let clock = Clock::from_fn(move || {
            chrono::DateTime::from_timestamp(read.load(Ordering::SeqCst), 0).unwrap_or_default()
        });
        let travel = Travel {
            app: TestApp::with_clock(clock).await,
            now,
        };
        travel.at("2026-09-01");
        travel
    }

    /// Moves the clock to 16:00 UTC of `day`.
    pub fn at(&self, day: &str) {
        let t = format!("{day}T16:00:00Z");
        let secs = chrono::DateTime::parse_from_rfc3339(&t)
            .unwrap()
            .timestamp();
        self.now.store(secs, Ordering::SeqCst);
    }

    /// Moves the clock to `hh:00` UTC of `day`.
    pub fn at_hour(&self, day: &str, hour: u32) {
        let t = format!("{day}T{hour:02}:00:00Z");
        let secs = chrono::DateTime::parse_from_rfc3339(&t)
            .unwrap()
            .timestamp();
        self.now.store(secs, Ordering::SeqCst);
    }
}
