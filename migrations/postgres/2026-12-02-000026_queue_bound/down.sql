DROP INDEX accounts_queue_idx;
DROP INDEX accounts_assignee_idx;
CREATE INDEX accounts_assignee_idx ON accounts (assignee_id, id)
    INCLUDE (status, balance, delinquent_since, team_id, first_contact_at, follow_up_open_at);

DROP TRIGGER strategy_steps_queue_unranked ON strategy_steps;
DROP TRIGGER installments_queue_unranked ON installments;
DROP TRIGGER arrangements_queue_unranked ON arrangements;
DROP TRIGGER accounts_queue_unranked ON accounts;
DROP FUNCTION mark_installment_account_unranked();
DROP FUNCTION mark_account_unranked();
DROP FUNCTION accounts_mark_unranked();

DROP TABLE queue_rank;
ALTER TABLE accounts DROP COLUMN queue_bound;
