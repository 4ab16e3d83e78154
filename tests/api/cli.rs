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
    assert!(
        applied.starts_with("applied ") && !applied.starts_with("applied 0 "),
        "{applied}"
    );
    let again = arrears(&["migrate"], &[("DATABASE_URL", &url)]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("applied 0 migration(s)"));
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
