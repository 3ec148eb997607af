-- Who may read an audit entry (issue 28): an admin all; a coordinator those on the petitions assigned
-- to them and those about their own account. So each entry names its petition by id, which a new
-- slug does not change (nor a later petition taking the old one), and the coordinator it is about
-- (invited, assigned, unassigned). Entries made before are matched by what they say as far as it goes.
ALTER TABLE audit_log ADD COLUMN petition_id INTEGER REFERENCES petitions (id) ON DELETE SET NULL;
ALTER TABLE audit_log ADD COLUMN about_coordinator_id INTEGER REFERENCES coordinators (id) ON DELETE SET NULL;

UPDATE audit_log SET petition_id = (
    SELECT p.id FROM petitions p
    WHERE audit_log.target = '/' || p.kind || 's/' || p.slug
       OR substr(audit_log.target, 1, length(p.kind) + length(p.slug) + 4) = '/' || p.kind || 's/' || p.slug || '#');
UPDATE audit_log SET about_coordinator_id = (SELECT c.id FROM coordinators c WHERE c.email = audit_log.target)
WHERE action = 'invite';
UPDATE audit_log SET about_coordinator_id = (SELECT c.id FROM coordinators c WHERE c.email = audit_log.detail)
WHERE action IN ('assign', 'unassign');

CREATE INDEX audit_log_petition ON audit_log (petition_id);
