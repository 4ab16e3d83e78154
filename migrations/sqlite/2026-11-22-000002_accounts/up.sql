CREATE TABLE debtors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    external_ref TEXT UNIQUE,
    name TEXT NOT NULL,
    phone TEXT,
    phone_valid BOOLEAN NOT NULL DEFAULT TRUE,
    email TEXT,
    timezone TEXT NOT NULL,
    region TEXT,
    cease_communication BOOLEAN NOT NULL DEFAULT FALSE,
    do_not_call BOOLEAN NOT NULL DEFAULT FALSE,
    do_not_email BOOLEAN NOT NULL DEFAULT FALSE,
    do_not_sms BOOLEAN NOT NULL DEFAULT FALSE,
    attorney_represented BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX debtors_name_idx ON debtors (lower(name));

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    external_ref TEXT NOT NULL UNIQUE,
    debtor_id BIGINT NOT NULL REFERENCES debtors (id),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    original_amount BIGINT NOT NULL CHECK (original_amount >= 0),
    balance BIGINT NOT NULL CHECK (balance >= 0),
    delinquent_since DATE NOT NULL,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'in_arrangement', 'disputed', 'legal', 'settled', 'paid', 'written_off', 'closed')),
    portfolio TEXT,
    team_id BIGINT REFERENCES teams (id),
    assignee_id BIGINT REFERENCES users (id),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX accounts_status_idx ON accounts (status, id);
CREATE INDEX accounts_assignee_idx ON accounts (assignee_id, id);
CREATE INDEX accounts_team_idx ON accounts (team_id, id);
CREATE INDEX accounts_portfolio_idx ON accounts (portfolio, id);
CREATE INDEX accounts_balance_idx ON accounts (balance, id);
CREATE INDEX accounts_delinquent_idx ON accounts (delinquent_since, id);
CREATE INDEX accounts_debtor_idx ON accounts (debtor_id);
-- SQLite: the UNIQUE index on external_ref serves prefix lookups.

CREATE TABLE assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    assignee_id BIGINT NOT NULL REFERENCES users (id),
    assigned_by BIGINT REFERENCES users (id),
    started_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP
);
CREATE INDEX assignments_account_idx ON assignments (account_id, id);
CREATE UNIQUE INDEX assignments_one_open_idx ON assignments (account_id) WHERE ended_at IS NULL;

ALTER TABLE audit_events ADD COLUMN account_id BIGINT;
CREATE INDEX audit_events_account_idx ON audit_events (account_id, id);
