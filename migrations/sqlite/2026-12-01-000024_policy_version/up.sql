-- The policies' version: a random stamp, drawn anew by every write to a policy table (a
-- trigger, so a hand edit does too); random, so that no two databases share one (a test process
-- serves many). Each request's user re-check reads it, and a process answers a policy from its
-- cache only while the stamp it cached it at is the one read (db/policy_cache.rs).
CREATE TABLE policy_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    stamp BIGINT NOT NULL
);
INSERT INTO policy_version (id, stamp) VALUES (1, random());

CREATE TRIGGER contact_policies_version_insert AFTER INSERT ON contact_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER contact_policies_version_update AFTER UPDATE ON contact_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER contact_policies_version_delete AFTER DELETE ON contact_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER approval_policies_version_insert AFTER INSERT ON approval_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER approval_policies_version_update AFTER UPDATE ON approval_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER approval_policies_version_delete AFTER DELETE ON approval_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER allocation_policies_version_insert AFTER INSERT ON allocation_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER allocation_policies_version_update AFTER UPDATE ON allocation_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER allocation_policies_version_delete AFTER DELETE ON allocation_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER complaint_policies_version_insert AFTER INSERT ON complaint_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER complaint_policies_version_update AFTER UPDATE ON complaint_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;

CREATE TRIGGER complaint_policies_version_delete AFTER DELETE ON complaint_policies
BEGIN UPDATE policy_version SET stamp = random() WHERE id = 1; END;
