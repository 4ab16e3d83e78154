//! The `arrears` command line: `serve [--demo]`, `migrate`, `openapi`.

use std::process::ExitCode;
use std::time::Duration;

use actix_web::{HttpServer, rt};
use clap::{Arg, CommandFactory, FromArgMatches, Parser, Subcommand};
use rand::RngCore;

use crate::auth::JwtKeys;
use crate::config::Config;
use crate::db::Db;
use crate::events_hub::EventHub;
use crate::metrics::Metrics;
use crate::passwords::PasswordPool;
use crate::sealing::SealingKey;
use crate::state::{AppState, Clock, WebhookSettings};
use crate::webhook_sender::Sender;
use crate::{app, demo, openapi};

#[derive(Debug, Parser)]
#[command(name = "arrears", version, about = "Collections operations server")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the HTTP server (applies pending migrations first).
    Serve {
        /// Load the demo data set into an empty database and print the demo users; generates a
        /// JWT secret when ARREARS_JWT_SECRET is unset.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
    /// Run the sweep (missed installments → broken arrangements) and the queue's re-rank once.
    Sweep,
    /// Run the active strategy once now (every account evaluated, due steps taken) and exit.
    StrategyRun,
    /// Import a placement CSV (streamed, in batches; see `arrears::import_csv` for the columns).
    Import {
        /// The CSV file.
        file: String,
        /// Rows per transaction.
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u16).range(1..=10000))]
        batch_size: u16,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
    },
    /// Reconcile a remittance CSV against the recorded payments (see
    /// `arrears::remittance_csv` for the columns) and print the summary.
    Reconcile {
        /// The CSV file.
        file: String,
        /// First day the file covers (YYYY-MM-DD).
        #[arg(long)]
        from: String,
        /// Last day the file covers (YYYY-MM-DD).
        #[arg(long)]
        to: String,
        /// Who sent the file (default: the file's name).
        #[arg(long)]
        source: Option<String>,
        /// Payment methods the file covers, comma-separated (default: all).
        #[arg(long)]
        methods: Option<String>,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
    },
}

/// The command line, with every environment variable of [`crate::config::VARIABLES`] on each
/// subcommand that reads the configuration (so `serve --help` lists them).
fn command_line() -> clap::Command {
    let mut command = Cli::command();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .filter(|name| name != "openapi")
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |mut sub| {
            for v in crate::config::VARIABLES {
                sub = sub.arg(variable_arg(v));
            }
            sub
        });
    }
    command
}

fn variable_arg(v: &'static crate::config::Variable) -> Arg {
    let flag = v
        .name
        .trim_start_matches("ARREARS_")
        .to_ascii_lowercase()
        .replace('_', "-");
    let mut arg = Arg::new(v.name)
        .long(flag)
        .env(v.name)
        .value_name("VALUE")
        .help(v.help)
        .hide_env_values(v.secret)
        .help_heading("Configuration (environment variables)");
    if let Some(default) = v.default {
        arg = arg.default_value(default);
    }
    arg
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let matches = command_line().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    if let Command::Openapi = cli.command {
        print!("{}", openapi::document_json());
        return ExitCode::SUCCESS;
    }
    let Some((_, values)) = matches.subcommand() else {
        return ExitCode::from(2);
    };
    let config = Config::from_lookup(|name| values.get_one::<String>(name).cloned());
    let telemetry = config
        .as_ref()
        .ok()
        .map(|c| crate::telemetry::init(c.log_format, &c.log_filter, c.otlp_endpoint.as_deref()));
    if let Some(Err(message)) = &telemetry {
        eprintln!("arrears: {message}");
        return ExitCode::from(2);
    }
    let result = config.and_then(|config| match cli.command {
        Command::Serve { demo } => serve(config, demo),
        Command::Migrate => migrate(&config).map(|n| println!("applied {n} migration(s)")),
        Command::Sweep => sweep_once(&config),
        Command::StrategyRun => strategy_run_once(&config),
        Command::Import {
            file,
            batch_size,
            quiet,
        } => import(&config, &file, batch_size.into(), !quiet),
        Command::Reconcile {
            file,
            from,
            to,
            source,
            methods,
            quiet,
        } => {
            let params = crate::api::remittance::CsvFileParams {
                source: Some(source.unwrap_or_else(|| file.clone())),
                from: Some(from),
                to: Some(to),
                methods,
            };
            let command = crate::remittance_csv::Command {
                path: file,
                params,
                progress: !quiet,
            };
            reconcile(&config, command)
        }
        Command::Openapi => Ok(()),
    });
    drop(telemetry);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("arrears: {message}");
            ExitCode::from(2)
        }
    }
}

fn reconcile(config: &Config, command: crate::remittance_csv::Command) -> Result<(), String> {
    let db = Db::connect(&config.database_url, 2)?;
    db.migrate()?;
    let file = command.path.clone();
    let made = crate::remittance_csv::run(&db, command)?;
    let s = made.summary;
    println!(
        "{file}: reconciliation {}: {} rows, {} matched, {} unmatched rows, {} unmatched payments, {} amount mismatches",
        made.id, s.rows, s.matched, s.unmatched_row, s.unmatched_payment, s.amount_mismatch
    );
    Ok(())
}

fn migrate(config: &Config) -> Result<usize, String> {
    Db::connect(&config.database_url, 2)?.migrate()
}

fn import(config: &Config, file: &str, batch: usize, progress: bool) -> Result<(), String> {
    let db = Db::connect(&config.database_url, 2)?;
    db.migrate()?;
    let shown = if progress {
        crate::import_csv::Progress::Shown
    } else {
        crate::import_csv::Progress::Hidden
    };
    let t = crate::import_csv::run(&db, file, batch, shown)?;
    println!(
        "{file}: {} created, {} updated, {} refused",
        t.created, t.updated, t.failed
    );
    if t.failed > 0 {
        Err(format!("{} row(s) refused (listed above)", t.failed))
    } else {
        Ok(())
    }
}

fn sweep_once(config: &Config) -> Result<(), String> {
    let db = Db::connect(&config.database_url, 2)?;
    db.migrate()?;
    let mut conn = db.checkout().map_err(|e| e.to_string())?;
    let (now, failed) = (chrono::Utc::now(), |e| format!("sweep failed: {e}"));
    let r = crate::workflows::sweep::sweep(&mut conn, now, config.grace_days).map_err(failed)?;
    let ranked = crate::db::queue_bound::rerank(&mut conn, now, |_| Ok(())).map_err(failed)?;
    println!(
        "sweep: {} arrangement(s) broken, {} installment(s) missed; {ranked} queue account(s) re-ranked",
        r.broken, r.missed
    );
    Ok(())
}

fn strategy_run_once(config: &Config) -> Result<(), String> {
    let db = Db::connect(&config.database_url, 4)?;
    db.migrate()?;
    let mut conn = db.checkout().map_err(|e| e.to_string())?;
    let now = chrono::Utc::now();
    let failed = |e: crate::error::ApiError| format!("strategy run failed: {e}");
    let run = crate::db::write_tx(&mut conn, |tx| {
        crate::workflows::strategy_run::start(tx, None, now)
    })
    .map_err(failed)?;
    let c = crate::workflows::strategy_run::execute(&mut conn, Some(&db), &run, now, |_| Ok(()))
        .map_err(failed)?;
    let actions: Vec<String> = c
        .actions
        .iter()
        .map(|(a, n)| format!("{} {n}", a.as_str()))
        .collect();
    println!(
        "strategy run {}: {} account(s) evaluated, {} step(s) taken ({}), {} blocked",
        run.id,
        c.accounts_evaluated,
        c.steps(),
        actions.join(", "),
        c.blocked
    );
    Ok(())
}

fn serve(config: Config, demo: bool) -> Result<(), String> {
    let secret = jwt_secret(&config, demo)?;
    let db = Db::connect(&config.database_url, config.db_pool_size)?;
    let applied = db.migrate()?;
    db.check_writable()?;
    let backend = if db.is_postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    log::info!("database ready ({backend} backend, {applied} migration(s) applied)");
    let clock = Clock::system();
    prepare_data(&db, &config, demo, &clock)?;
    let state = AppState {
        db: db.clone(),
        jwt: JwtKeys::new(
            &secret,
            &config.jwt_issuer,
            &config.jwt_audience,
            config.token_ttl_seconds,
        ),
        clock,
        passwords: PasswordPool::for_this_machine()?,
        proxies: config.trusted_proxies.clone(),
        body_timeout: Duration::from_secs(config.body_timeout_seconds),
        hub: EventHub::new(crate::events_hub::KEEP_ALIVE, Duration::from_millis(250)),
        replica: config.replica.as_ref().map(|r| {
            crate::db::replica::Replica::connect(&r.url, config.db_pool_size, r.max_lag_seconds)
        }),
        webhooks: WebhookSettings {
            key: SealingKey::derive(config.webhook_key.as_deref().unwrap_or(&secret)),
            targets: config.webhook_targets,
        },
    };
    let sender = Sender::new(config.webhook_targets)?;
    let metrics = Metrics::new(db.pool().clone())?;
    let bind = config.bind;
    let (origins, workers) = (config.cors_origins.clone(), config.workers);
    let (sweep_every, grace_days) = (Duration::from_secs(config.sweep_seconds), config.grace_days);
    let lease = chrono::Duration::seconds(config.job_lease_seconds as i64);
    let (hub, webhooks, send_clock, run_clock) = (
        state.hub.clone(),
        state.webhooks.clone(),
        state.clock.clone(),
        state.clock.clone(),
    );
    println!("arrears listening on http://{bind}  (API docs: http://{bind}/docs/)");
    rt::System::new().block_on(async move {
        rt::spawn(crate::jobs::purge_expired_keys(db.clone()));
        rt::spawn(crate::jobs::daily_runs(
            db.clone(),
            run_clock,
            sweep_every,
            lease,
        ));
        rt::spawn(crate::webhook_sender::run(
            db.clone(),
            sender,
            webhooks,
            send_clock,
            Duration::from_millis(500),
        ));
        rt::spawn(crate::jobs::sweep_periodically(db, sweep_every, grace_days));
        let server =
            HttpServer::new(move || app::build(state.clone(), metrics.clone(), origins.clone()));
        let server = match workers {
            Some(n) => server.workers(n),
            None => server,
        };
        let server = server
            .bind(bind)
            .map_err(|e| format!("ARREARS_BIND: cannot listen on {bind}: {e}"))?
            .shutdown_timeout(30)
            .disable_signals()
            .run();
        rt::spawn(stop_on_signal(server.handle(), hub));
        server.await.map_err(|e| format!("server failed: {e}"))
    })
}

/// `ARREARS_JWT_SECRET`, or a random one for a demo run.
fn jwt_secret(config: &Config, demo: bool) -> Result<Vec<u8>, String> {
    match (&config.jwt_secret, demo) {
        (Some(s), _) => Ok(s.clone()),
        (None, true) => {
            let mut s = vec![0u8; 48];
            rand::rng().fill_bytes(&mut s);
            println!(
                "ARREARS_JWT_SECRET is not set: generated a random one for this demo run (tokens end with the process)."
            );
            Ok(s)
        }
        (None, false) => Err(format!(
            "ARREARS_JWT_SECRET is not set; set it to a random string of at least {} bytes (or run `arrears serve --demo`)",
            crate::config::MIN_JWT_SECRET_BYTES
        )),
    }
}

/// The bootstrap admin and, with `--demo`, the demo data.
fn prepare_data(db: &Db, config: &Config, demo: bool, clock: &Clock) -> Result<(), String> {
    let mut conn = db.checkout().map_err(|e| e.to_string())?;
    if let (Some(email), Some(password)) = (&config.admin_email, &config.admin_password)
        && demo::bootstrap_admin(&mut conn, email, password, clock.now())
            .map_err(|e| format!("ARREARS_ADMIN_EMAIL: {e}"))?
    {
        println!("created the bootstrap admin {email}");
    }
    if demo {
        if demo::seed(&mut conn, clock.now()).map_err(|e| format!("demo data: {e}"))? {
            println!("loaded the demo data set");
        } else {
            println!("the database already has users: demo data not loaded");
        }
        print!("{}", demo::credentials_table());
    }
    Ok(())
}

/// On SIGTERM or SIGINT: ends the event streams (so they close cleanly instead of holding the
/// shutdown for its 30 s), then stops accepting and lets in-flight requests finish.
async fn stop_on_signal(server: actix_web::dev::ServerHandle, hub: EventHub) {
    let mut term = match rt::signal::unix::signal(rt::signal::unix::SignalKind::terminate()) {
        Ok(s) => s,
        Err(e) => {
            log::warn!("cannot watch SIGTERM: {e}");
            return;
        }
    };
    tokio::select! {
        _ = term.recv() => {}
        _ = rt::signal::ctrl_c() => {}
    }
    log::info!("stopping: closing event streams, finishing requests");
    hub.close();
    server.stop(true).await;
}
