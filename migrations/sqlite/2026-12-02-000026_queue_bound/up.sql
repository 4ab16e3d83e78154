-- The queue's first page from an index: each workable account keeps an upper bound of its queue
-- priority (`queue_bound`) through the day it was computed (`queue_rank.ranked_on`, UTC). The
-- daily re-rank (`db::queue_bound`) computes it from the same facts the queue ranks by, taken at
-- their highest during that day. Every write that can raise it marks the account unranked: the
-- bound's maximum, which is also the default, so a new account needs no hook. The queue reads in bound order and stops once its page's last exact priority beats
-- the next bound (`db::queue_rank`).
ALTER TABLE accounts ADD COLUMN queue_bound BIGINT NOT NULL DEFAULT 9223372036854775807;

CREATE TABLE queue_rank (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    ranked_on DATE
);
INSERT INTO queue_rank (id, ranked_on) VALUES (1, NULL);

-- The account's own facts: a higher balance, another status, an earlier delinquency, a
-- follow-up asked or answered. (The trigger's own update sets no column it watches.)
CREATE TRIGGER accounts_queue_unranked
AFTER UPDATE OF balance, status, delinquent_since, follow_up_open_at, first_contact_at ON accounts
WHEN NEW.queue_bound <> 9223372036854775807
     AND (NEW.balance > OLD.balance OR NEW.status <> OLD.status
          OR NEW.delinquent_since < OLD.delinquent_since
          OR NEW.follow_up_open_at IS NOT OLD.follow_up_open_at
          OR (NEW.first_contact_at IS NULL AND OLD.first_contact_at IS NOT NULL))
BEGIN
    UPDATE accounts SET queue_bound = 9223372036854775807 WHERE id = NEW.id;
END;

-- Facts kept in other tables: an arrangement made or ended, an installment paid back (a
-- reversal), a strategy `call` step taken.
CREATE TRIGGER arrangements_queue_unranked AFTER INSERT ON arrangements
BEGIN
    UPDATE accounts SET queue_bound = 9223372036854775807 WHERE id = NEW.account_id;
END;
CREATE TRIGGER arrangements_status_queue_unranked AFTER UPDATE OF status ON arrangements
BEGIN
    UPDATE accounts SET queue_bound = 9223372036854775807 WHERE id = NEW.account_id;
END;
CREATE TRIGGER installments_queue_unranked AFTER UPDATE OF paid_amount ON installments
WHEN NEW.paid_amount < OLD.paid_amount
BEGIN
    UPDATE accounts SET queue_bound = 9223372036854775807
    WHERE id = (SELECT ar.account_id FROM arrangements ar WHERE ar.id = NEW.arrangement_id);
END;
CREATE TRIGGER strategy_steps_queue_unranked AFTER INSERT ON strategy_steps
WHEN NEW.action = 'call'
BEGIN
    UPDATE accounts SET queue_bound = 9223372036854775807 WHERE id = NEW.account_id;
END;

-- The queue reads an agent's accounts in bound order (a covering index: SQLite has no INCLUDE,
-- so the ranking's columns are key columns). The list's `(assignee_id, id)` keeps its own index.
DROP INDEX accounts_assignee_idx;
CREATE INDEX accounts_assignee_idx ON accounts (assignee_id, id);
CREATE INDEX accounts_queue_idx ON accounts (assignee_id, queue_bound DESC, id, status, balance,
    delinquent_since, team_id, first_contact_at, follow_up_open_at);
