DROP TABLE account_status_history;
