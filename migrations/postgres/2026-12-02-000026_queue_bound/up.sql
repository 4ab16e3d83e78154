-- The queue's first page from an index: each workable account keeps an upper bound of its queue
-- priority (`queue_bound`) through the day it was computed (`queue_rank.ranked_on`, UTC). The
-- daily re-rank (`db::queue_bound`) computes it from the same facts the queue ranks by, taken at
-- their highest during that day: installments due by then, follow-ups due by the day's end.
-- Within the day nothing else raises a priority without a write. Every write that can raise it
-- marks the account unranked: the bound's maximum, which is also the default, so a new account
-- needs no hook. The queue reads in bound order and stops once its page's last exact
-- priority beats the next bound (`db::queue_rank`).
ALTER TABLE accounts ADD COLUMN queue_bound BIGINT NOT NULL DEFAULT 9223372036854775807;

CREATE TABLE queue_rank (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    ranked_on DATE
);
INSERT INTO queue_rank (id, ranked_on) VALUES (1, NULL);

-- The account's own facts: a higher balance, another status, an earlier delinquency, a
-- follow-up asked or answered.
CREATE OR REPLACE FUNCTION accounts_mark_unranked() RETURNS trigger AS $$
BEGIN
    NEW.queue_bound := 9223372036854775807;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounts_queue_unranked BEFORE UPDATE ON accounts
    FOR EACH ROW
    WHEN (NEW.balance > OLD.balance OR NEW.status <> OLD.status
          OR NEW.delinquent_since < OLD.delinquent_since
          OR NEW.follow_up_open_at IS DISTINCT FROM OLD.follow_up_open_at
          OR (NEW.first_contact_at IS NULL AND OLD.first_contact_at IS NOT NULL))
    EXECUTE FUNCTION accounts_mark_unranked();

-- Facts kept in other tables: an arrangement made or ended, an installment paid back (a
-- reversal), a strategy `call` step taken.
CREATE OR REPLACE FUNCTION mark_account_unranked() RETURNS trigger AS $$
BEGIN
    UPDATE accounts SET queue_bound = 9223372036854775807 WHERE id = NEW.account_id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION mark_installment_account_unranked() RETURNS trigger AS $$
BEGIN
    UPDATE accounts SET queue_bound = 9223372036854775807
    WHERE id = (SELECT ar.account_id FROM arrangements ar WHERE ar.id = NEW.arrangement_id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER arrangements_queue_unranked AFTER INSERT OR UPDATE OF status ON arrangements
    FOR EACH ROW EXECUTE FUNCTION mark_account_unranked();
CREATE TRIGGER installments_queue_unranked AFTER UPDATE OF paid_amount ON installments
    FOR EACH ROW WHEN (NEW.paid_amount < OLD.paid_amount)
    EXECUTE FUNCTION mark_installment_account_unranked();
CREATE TRIGGER strategy_steps_queue_unranked AFTER INSERT ON strategy_steps
    FOR EACH ROW WHEN (NEW.action = 'call') EXECUTE FUNCTION mark_account_unranked();

-- The queue reads an agent's accounts in bound order; the ranking's columns ride in the index
-- as before, so the read stays index-only. The list's `(assignee_id, id)` keeps its own index.
DROP INDEX accounts_assignee_idx;
CREATE INDEX accounts_assignee_idx ON accounts (assignee_id, id);
CREATE INDEX accounts_queue_idx ON accounts (assignee_id, queue_bound DESC, id)
    INCLUDE (status, balance, delinquent_since, team_id, first_contact_at, follow_up_open_at);
