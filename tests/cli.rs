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
