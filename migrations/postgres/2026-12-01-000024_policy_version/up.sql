-- The policies' version: a random stamp, drawn anew by every write to a policy table (a
-- trigger, so a hand edit does too); random, so that no two databases share one (a test process
-- serves many). Each request's user re-check reads it, and a process answers a policy from its
-- cache only while the stamp it cached it at is the one read (db/policy_cache.rs).
CREATE TABLE policy_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    stamp BIGINT NOT NULL
);
INSERT INTO policy_version (id, stamp) VALUES (1, floor(random() * 9007199254740991)::bigint);

CREATE FUNCTION policy_version_bump() RETURNS trigger AS $$
BEGIN
    UPDATE policy_version SET stamp = floor(random() * 9007199254740991)::bigint WHERE id = 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER contact_policies_version AFTER INSERT OR UPDATE OR DELETE ON contact_policies
    FOR EACH STATEMENT EXECUTE FUNCTION policy_version_bump();
CREATE TRIGGER approval_policies_version AFTER INSERT OR UPDATE OR DELETE ON approval_policies
    FOR EACH STATEMENT EXECUTE FUNCTION policy_version_bump();
CREATE TRIGGER allocation_policies_version AFTER INSERT OR UPDATE OR DELETE ON allocation_policies
    FOR EACH STATEMENT EXECUTE FUNCTION policy_version_bump();
CREATE TRIGGER complaint_policies_version AFTER INSERT OR UPDATE OR DELETE ON complaint_policies
    FOR EACH STATEMENT EXECUTE FUNCTION policy_version_bump();
