//! The security scheme's description and the 401 response: how to authenticate, and what each
//! 401 slug asks of the client.

use serde_json::{Value, json};

/// How to authenticate, with the demo's sign-ins (Swagger UI keeps the token across reloads).
pub(super) fn bearer_description() -> String {
    let logins: Vec<String> = crate::demo::DEMO_USERS
        .iter()
        .map(|(email, _, role, _)| format!("`{email}` ({})", role.as_str()))
        .collect();
    format!(
        "Either an **access token** (a JWT, valid 15 minutes unless `ARREARS_TOKEN_TTL_SECONDS` \
         says otherwise) from `POST /v1/auth/token`, refreshed with `POST /v1/auth/refresh`, or \
         an **API key** (`ak_…`) from `POST /v1/api-keys` for scripts and services: a key never \
         expires, acts with its own role and team, and is refused with `session-revoked` once \
         revoked.\n\nOn a server started with `serve --demo`, sign in as any of {} with the \
         password `{}`, and paste the `access_token` here.",
        logins.join(", "),
        crate::demo::DEMO_PASSWORD
    )
}

/// Why a request is unauthenticated, and what the client does next: (slug, what to do, example).
const UNAUTHENTICATED: &[(&str, &str, &str)] = &[
    (
        "token-expired",
        "the access token is past its expiry: refresh it (`POST /v1/auth/refresh`) and retry",
        "the access token has expired; refresh it or sign in again",
    ),
    (
        "token-invalid",
        "no token, a malformed one, one this server did not sign, or an unknown, used or expired \
         refresh or stream token: sign in again (refreshing will not help)",
        "send an access token: Authorization: Bearer <token>",
    ),
    (
        "session-revoked",
        "the session has ended (sign-out, a reused refresh token, a password, role or status \
         change, a revoked API key): sign in again; if that fails too, give up",
        "this session was ended by a change of password, role or status; sign in again",
    ),
    (
        "credentials-invalid",
        "sign-in only: the email and password do not match an active user; ask the person again",
        "the email or password is wrong",
    ),
];

/// The 401 response: one example per slug, and what each asks of the client.
pub(super) fn unauthorized_response() -> Value {
    let mut description = String::from(
        "Not authenticated (answers carry `WWW-Authenticate: Bearer`). The slug says what to do:\n",
    );
    let mut examples = serde_json::Map::new();
    for (slug, what, detail) in UNAUTHENTICATED {
        description.push_str(&format!("\n- `{slug}`: {what}"));
        examples.insert(
            (*slug).to_owned(),
            json!({"value": {
                "type": format!("{}{slug}", crate::error::PROBLEM_BASE),
                "title": "Unauthorized",
                "status": 401,
                "detail": detail
            }}),
        );
    }
    description.push_str(
        "\n\nA refresh token is single-use and a reused one revokes its whole sign-in at once: \
         an app that may refresh from several places (tabs, threads, retries) must serialise its \
         refreshes and share the new pair.",
    );
    json!({
        "description": description,
        "content": {"application/problem+json": {
            "schema": {"$ref": "#/components/schemas/Problem"},
            "examples": examples
        }}
    })
}
