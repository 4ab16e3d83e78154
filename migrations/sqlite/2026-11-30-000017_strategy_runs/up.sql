-- The strategy run and what it does: runs, the accounts' segment entries (the day an account
-- entered its segment, in its arm), the steps taken (once per entry and step: a unique key, so a
-- second or concurrent run takes nothing twice), the communications and review tasks steps
-- create, a settlement approved by a strategy's standing offer, and leases for background jobs.
CREATE TABLE strategy_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    strategy_id BIGINT NOT NULL REFERENCES strategies (id),
    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
    run_on DATE NOT NULL,
    -- NULL: the daily run `serve` starts by itself.
    started_by BIGINT REFERENCES users (id),
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    accounts_evaluated BIGINT NOT NULL DEFAULT 0,
    -- {"call": 3, "sms": 2, ...}
    actions TEXT NOT NULL DEFAULT '{}',
    blocked BIGINT NOT NULL DEFAULT 0,
    error TEXT
);
CREATE INDEX strategy_runs_day_idx ON strategy_runs (run_on, started_by);

CREATE TABLE strategy_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    strategy_id BIGINT NOT NULL REFERENCES strategies (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    arm TEXT NOT NULL CHECK (arm IN ('champion', 'challenger')),
    segment TEXT NOT NULL,
    entered_on DATE NOT NULL,
    left_on DATE,
    balance_at_entry BIGINT NOT NULL,
    currency TEXT NOT NULL
);
CREATE UNIQUE INDEX strategy_entries_open_idx ON strategy_entries (strategy_id, account_id) WHERE left_on IS NULL;
CREATE INDEX strategy_entries_account_idx ON strategy_entries (account_id, strategy_id);

CREATE TABLE strategy_steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id BIGINT NOT NULL REFERENCES strategy_entries (id),
    step_index INTEGER NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    day INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('call', 'sms', 'email', 'letter', 'review', 'settlement_offer', 'escalate')),
    run_id BIGINT NOT NULL REFERENCES strategy_runs (id),
    taken_on DATE NOT NULL,
    taken_at TIMESTAMP NOT NULL,
    -- settlement offers: the largest discount, and the last day it stands
    discount_percent BIGINT,
    expires_on DATE,
    UNIQUE (entry_id, step_index)
);
CREATE INDEX strategy_steps_account_idx ON strategy_steps (account_id, action, taken_on);

CREATE TABLE communications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    step_id BIGINT REFERENCES strategy_steps (id),
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'letter')),
    template TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'blocked')),
    -- JSON array of the contact rules' reasons
    reasons TEXT,
    send_after TIMESTAMP,
    failure_reason TEXT,
    created_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP,
    closed_by BIGINT REFERENCES users (id)
);
CREATE INDEX communications_status_idx ON communications (status, id);
CREATE INDEX communications_account_idx ON communications (account_id);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    step_id BIGINT REFERENCES strategy_steps (id),
    kind TEXT NOT NULL CHECK (kind IN ('review')),
    status TEXT NOT NULL CHECK (status IN ('open', 'done')),
    assignee_id BIGINT REFERENCES users (id),
    due_on DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    completed_at TIMESTAMP,
    completed_by BIGINT REFERENCES users (id)
);
CREATE INDEX tasks_status_idx ON tasks (status, id);
CREATE INDEX tasks_account_idx ON tasks (account_id);

-- A background job runs where its lease is held; an expired lease (its holder stopped) is free.
CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

ALTER TABLE approval_requests ADD COLUMN decided_by_strategy BOOLEAN NOT NULL DEFAULT 0;
