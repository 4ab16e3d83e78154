//! The `arrears` binary: start-up refusals name the variable; `migrate` and `openapi` work.

use std::process::Command;

fn arrears(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arrears"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn serve_refuses_to_start_without_a_secret_or_with_a_bad_value() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("a.db").display());
    let out = arrears(&["serve"], &[("DATABASE_URL", &url)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ARREARS_JWT_SECRET") && err.trim().lines().count() == 1,
        "{err}"
    );

    let secret = "x".repeat(40);
    for (name, value) in [
        ("ARREARS_BIND", "not-an-address"),
        ("ARREARS_TOKEN_TTL_SECONDS", "ten"),
        ("ARREARS_JWT_SECRET", "short"),
    ] {
        let mut env = vec![
            ("DATABASE_URL", url.as_str()),
            ("ARREARS_JWT_SECRET", secret.as_str()),
        ];
        env.retain(|(k, _)| *k != name);
        env.push((name, value));
        let out = arrears(&["serve"], &env);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(name),
            "{name}"
        );
    }
}

#[test]
fn migrate_applies_the_migrations_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("m.db").display());
    let first = arrears(&["migrate"], &[("DATABASE_URL", &url)]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let applied = String::from_utf8_lossy(&first.stdout).into_owned();
    // Only the count on stdout: logs (a pool's retry, say) go to stderr.
    assert!(
        applied.starts_with("applied ")
            && !applied.starts_with("applied 0 ")
            && applied.trim_end().lines().count() == 1,
        "{applied}"
    );
    let again = arrears(&["migrate"], &[("DATABASE_URL", &url)]);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("applied 0 migration(s)"),
        "{:?}: {} / {}",
        again.status,
        String::from_utf8_lossy(&again.stdout),
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn openapi_prints_the_document() {
    let out = arrears(&["openapi"], &[]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        arrears::openapi::document_json()
    );
}

#[test]
fn import_streams_a_csv_and_reports_refused_lines() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("i.db").display());
    let csv = dir.path().join("placements.csv");
    std::fs::write(
        &csv,
        "external_ref,original_amount,balance,delinquent_since,debtor_name,debtor_timezone,debtor_phone\n\
         CSV-1,10000,5000,2026-05-01,Ann Lee,America/Chicago,612-555-0101\n\
         CSV-2,10000,lots,2026-05-01,Bo Ray,America/Chicago,\n\
         CSV-3,20000,20000,2026-04-01,Cy Doe,Europe/London,+44 20 7946 0958\n",
    )
    .unwrap();
    let path = csv.to_string_lossy().into_owned();
    let out = arrears(
        &["import", &path, "--quiet", "--batch-size", "2"],
        &[("DATABASE_URL", &url)],
    );
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(2), "{stdout} {stderr}");
    assert!(
        stdout.contains("2 created, 0 updated, 1 refused"),
        "{stdout}"
    );
    assert!(stderr.contains("line 3: balance"), "{stderr}");
    let again = arrears(&["import", &path, "--quiet"], &[("DATABASE_URL", &url)]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 created, 2 updated, 1 refused"));
}

#[test]
fn reconcile_matches_a_csv_and_prints_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("r.db").display());
    let placements = dir.path().join("placements.csv");
    std::fs::write(
        &placements,
        "external_ref,original_amount,balance,delinquent_since,debtor_name,debtor_timezone\n\
         R-1,10000,5000,2026-05-01,Ann Lee,America/Chicago\n",
    )
    .unwrap();
    let placed = arrears(
        &["import", &placements.to_string_lossy(), "--quiet"],
        &[("DATABASE_URL", &url)],
    );
    assert_eq!(placed.status.code(), Some(0));
    let file = dir.path().join("remittance.csv");
    std::fs::write(
        &file,
        "external_ref,amount,received_on,reference\nR-1,700,2026-11-02,T-1\nR-9,5,2026-11-03,\n",
    )
    .unwrap();
    let path = file.to_string_lossy().into_owned();
    let args = [
        "reconcile",
        &path,
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--quiet",
    ];
    let out = arrears(&args, &[("DATABASE_URL", &url)]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("2 rows, 0 matched, 2 unmatched rows, 0 unmatched payments"),
        "{stdout}"
    );
    // A file to fix: every problem named, nothing stored.
    std::fs::write(
        &file,
        "external_ref,amount,received_on\nR-1,-3,2026-11-02\n",
    )
    .unwrap();
    let out = arrears(&args, &[("DATABASE_URL", &url)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("rows[0].amount"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn serve_refuses_a_read_only_database_and_names_an_unreachable_postgresql() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    let url = format!("sqlite://{}", path.display());
    assert!(
        arrears(&["migrate"], &[("DATABASE_URL", &url)])
            .status
            .success()
    );
    let read_only = format!("sqlite://file:{}?mode=ro", path.display());
    let secret = "x".repeat(40);
    let out = arrears(
        &["serve"],
        &[
            ("DATABASE_URL", &read_only),
            ("ARREARS_JWT_SECRET", &secret),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not accept writes"), "{err}");

    let out = arrears(
        &["serve"],
        &[
            (
                "DATABASE_URL",
                "postgres://someone:hunter2-secret@127.0.0.1:1/nothing",
            ),
            ("ARREARS_JWT_SECRET", &secret),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot connect to PostgreSQL at 127.0.0.1:1/nothing"),
        "{err}"
    );
    assert!(
        !err.contains("hunter2") && !err.contains("multiconnection"),
        "{err}"
    );
}

#[test]
fn serve_help_lists_every_variable_and_hides_secret_values() {
    let secret = "s3cret-value-that-must-not-show-0123456789";
    let out = arrears(
        &["serve", "--help"],
        &[
            ("ARREARS_JWT_SECRET", secret),
            ("DATABASE_URL", "postgres://u:pw@db/x"),
            ("ARREARS_BIND", "0.0.0.0:9000"),
        ],
    );
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for v in arrears::config::VARIABLES {
        assert!(
            help.contains(&format!("[env: {}", v.name)),
            "{} missing from serve --help",
            v.name
        );
    }
    assert!(help.contains("[env: ARREARS_BIND=0.0.0.0:9000]"), "{help}");
    assert!(!help.contains(secret) && !help.contains("pw@db"), "{help}");
}

#[test]
fn json_logs_and_flags_stand_in_for_variables() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("j.db").display());
    // A flag names the same setting as its variable.
    let out = arrears(
        &["migrate", "--database-url", &url, "--log-format", "json"],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("j.db").exists());
    let bad = arrears(&["migrate"], &[("ARREARS_LOG_FORMAT", "xml")]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("ARREARS_LOG_FORMAT"));
}

/// Reads one HTTP/1.1 request (head and `Content-Length` body) and answers 200.
fn receive(stream: &mut std::net::TcpStream) -> Option<(String, Vec<u8>)> {
    use std::io::{Read, Write};
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    let head_end = loop {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())?
        })
        .unwrap_or(0);
    while data.len() < head_end + length {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        data.extend_from_slice(&buf[..n]);
    }
    let _ = stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    Some((head, data[head_end..].to_vec()))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn traces_go_to_the_otlp_endpoint() {
    let collector = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", collector.local_addr().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in collector.incoming() {
            if let Some(request) = receive(&mut stream.unwrap()) {
                let _ = tx.send(request);
            }
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let bind = format!("127.0.0.1:{}", free_port());
    let secret = "y".repeat(40);
    let mut server = Command::new(env!("CARGO_BIN_EXE_arrears"))
        .arg("serve")
        .env_clear()
        .envs([
            ("DATABASE_URL", url.as_str()),
            ("ARREARS_BIND", bind.as_str()),
            ("ARREARS_JWT_SECRET", secret.as_str()),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.as_str()),
            ("OTEL_BSP_SCHEDULE_DELAY", "100"),
        ])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut answered = false;
    for _ in 0..300 {
        if let Ok(mut s) = std::net::TcpStream::connect(&bind) {
            use std::io::{Read, Write};
            s.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
                .unwrap();
            let mut answer = String::new();
            let _ = s.read_to_string(&mut answer);
            answered = answer.starts_with("HTTP/1.1 200");
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let got = rx.recv_timeout(std::time::Duration::from_secs(20));
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let _ = server.wait();
    assert!(answered, "the server did not answer");
    let (head, body) = got.expect("no spans exported");
    assert!(head.starts_with("POST /v1/traces "), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/x-protobuf"),
        "{head}"
    );
    let text = String::from_utf8_lossy(&body);
    assert!(text.contains("GET /healthz"), "span name missing");
    assert!(text.contains("arrears"), "service name missing");
}
