DROP TRIGGER contact_policies_version ON contact_policies;
DROP TRIGGER approval_policies_version ON approval_policies;
DROP TRIGGER allocation_policies_version ON allocation_policies;
DROP TRIGGER complaint_policies_version ON complaint_policies;
DROP FUNCTION policy_version_bump();
DROP TABLE policy_version;
