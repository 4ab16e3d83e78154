-- Quality and coaching: evaluation forms (weighted questions, immutable once used), scored
-- evaluations of a contact with the agent's acknowledgement or dispute and its resolution,
-- coaching sessions and their actions. Whom an evaluation or session is about is kept with the
-- agent's team at the time, so reports and visibility read one column.
CREATE TABLE evaluation_forms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    -- [{"key", "text", "weight", "scale", "fatal"}]
    questions TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    -- Set by the first evaluation that uses the form (in its transaction); a used form is immutable.
    used_at TIMESTAMP
);

CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id BIGINT NOT NULL REFERENCES contacts (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    agent_id BIGINT NOT NULL REFERENCES users (id),
    team_id BIGINT REFERENCES teams (id),
    form_id BIGINT NOT NULL REFERENCES evaluation_forms (id),
    evaluator_id BIGINT NOT NULL REFERENCES users (id),
    -- [{"key", "value"}]
    answers TEXT NOT NULL,
    comment TEXT,
    -- Tenths of a point, 0..1000 (87.5 is 875).
    score_tenths BIGINT NOT NULL CHECK (score_tenths BETWEEN 0 AND 1000),
    -- The formula's score before an upheld dispute corrected it.
    original_score_tenths BIGINT CHECK (original_score_tenths BETWEEN 0 AND 1000),
    fatal_failed BOOLEAN NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'acknowledged', 'disputed', 'resolved')),
    evaluated_at TIMESTAMP NOT NULL,
    acknowledged_at TIMESTAMP,
    dispute_reason TEXT,
    disputed_at TIMESTAMP,
    dispute_outcome TEXT CHECK (dispute_outcome IN ('upheld', 'rejected')),
    resolved_by BIGINT REFERENCES users (id),
    resolved_at TIMESTAMP,
    CHECK ((status IN ('disputed', 'resolved')) = (disputed_at IS NOT NULL)),
    CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
CREATE INDEX evaluations_agent_idx ON evaluations (agent_id, evaluated_at);
CREATE INDEX evaluations_team_idx ON evaluations (team_id, evaluated_at);
CREATE INDEX evaluations_evaluated_idx ON evaluations (evaluated_at, id);
CREATE INDEX evaluations_contact_idx ON evaluations (contact_id);

CREATE TABLE coaching_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_id BIGINT NOT NULL REFERENCES users (id),
    team_id BIGINT REFERENCES teams (id),
    coach_id BIGINT NOT NULL REFERENCES users (id),
    held_on DATE NOT NULL,
    -- ["objection handling", ...]
    topics TEXT NOT NULL,
    -- [evaluation ids]
    evaluation_ids TEXT NOT NULL,
    notes TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX coaching_sessions_agent_idx ON coaching_sessions (agent_id, held_on);
CREATE INDEX coaching_sessions_team_idx ON coaching_sessions (team_id, held_on);

CREATE TABLE coaching_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id BIGINT NOT NULL REFERENCES coaching_sessions (id),
    agent_id BIGINT NOT NULL REFERENCES users (id),
    team_id BIGINT REFERENCES teams (id),
    coach_id BIGINT NOT NULL REFERENCES users (id),
    text TEXT NOT NULL,
    due_on DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'completed')),
    completed_at TIMESTAMP,
    completed_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX coaching_actions_session_idx ON coaching_actions (session_id, id);
CREATE INDEX coaching_actions_agent_idx ON coaching_actions (agent_id, status, due_on);
