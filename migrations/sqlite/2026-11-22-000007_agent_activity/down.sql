DROP INDEX contacts_account_agent_idx;
DROP TABLE agent_activity;
