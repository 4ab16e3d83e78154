DROP TABLE agent_activity;
