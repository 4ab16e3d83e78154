-- Per agent and UTC day, the figures of the performance report, kept up to date in the
-- transaction that logs each contact (src/db/activity.rs), so the report reads a few rows per
-- agent and day instead of every contact.
--
-- Each (agent, day, prev_day) is split over 8 slots (the contact id modulo 8), which the report
-- sums: the agent's contacts of one day would otherwise all update one row and wait for each
-- other's commits.
--
-- Rows with prev_day = day carry the day's contact_attempts (outbound phone calls) and
-- right_party_contacts (those that reached a conversation).
--
-- touches count the accounts worked without counting an account twice: for every day on which
-- the agent contacted an account, one touch on the row (day, prev_day), prev_day being the
-- previous day on which the agent contacted that account ('0001-01-01' when none). The accounts
-- an agent worked from F to T are then the touches with F <= day <= T and prev_day < F: each
-- such account has exactly one day in the period whose previous contact day lies before it.
CREATE TABLE agent_activity (
    agent_id BIGINT NOT NULL REFERENCES users (id),
    day DATE NOT NULL,
    prev_day DATE NOT NULL CHECK (prev_day <= day),
    touches BIGINT NOT NULL DEFAULT 0,
    contact_attempts BIGINT NOT NULL DEFAULT 0,
    right_party_contacts BIGINT NOT NULL DEFAULT 0,
    slot INTEGER NOT NULL CHECK (slot BETWEEN 0 AND 7),
    PRIMARY KEY (agent_id, day, prev_day, slot)
);

-- Logging a contact looks up the agent's previous and next contact with the account: one probe
-- each here, whatever the agent's other contacts that day.
CREATE INDEX contacts_account_agent_idx ON contacts (account_id, agent_id, occurred_at);

-- The contacts already logged.
INSERT INTO agent_activity (agent_id, day, prev_day, slot, touches, contact_attempts, right_party_contacts)
WITH days AS (
    SELECT agent_id, account_id, date(occurred_at) AS day,
           SUM(CASE WHEN direction = 'outbound' AND channel = 'phone' THEN 1 ELSE 0 END) AS attempts,
           SUM(CASE WHEN direction = 'outbound' AND channel = 'phone' AND is_conversation THEN 1 ELSE 0 END) AS rpcs
    FROM contacts WHERE agent_id IS NOT NULL
    GROUP BY agent_id, account_id, date(occurred_at)
), entries AS (
    SELECT agent_id, day,
           COALESCE(LAG(day) OVER (PARTITION BY agent_id, account_id ORDER BY day), '0001-01-01') AS prev_day,
           account_id % 8 AS slot, 1 AS touches, 0 AS attempts, 0 AS rpcs
    FROM days
    UNION ALL
    SELECT agent_id, day, day, account_id % 8, 0, attempts, rpcs FROM days
)
SELECT agent_id, day, prev_day, slot, SUM(touches), SUM(attempts), SUM(rpcs)
FROM entries GROUP BY agent_id, day, prev_day, slot;
