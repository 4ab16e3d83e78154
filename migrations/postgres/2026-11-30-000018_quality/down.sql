DROP TABLE coaching_actions;
DROP TABLE coaching_sessions;
DROP TABLE evaluations;
DROP TABLE evaluation_forms;
