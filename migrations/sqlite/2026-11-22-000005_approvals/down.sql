DROP TABLE escalations;
DROP TABLE approval_policies;
DROP TABLE approval_requests;
