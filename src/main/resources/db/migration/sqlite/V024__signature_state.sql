-- A signature's state, defined once: the public list, the counts, the JSON, the dashboard, the
-- coordinators' filter and the CSV all read this column (SignatureState in Java names its values).
-- Listed means confirmed, approved where approval is asked, and not kept aside as suspect.
ALTER TABLE signatures ADD COLUMN state VARCHAR(10) GENERATED ALWAYS AS (CASE
    WHEN suspect IS NOT NULL THEN 'suspect'
    WHEN status = 'confirmed' AND moderation = 'awaiting' THEN 'awaiting'
    WHEN status = 'confirmed' AND moderation = 'rejected' THEN 'rejected'
    WHEN status = 'confirmed' THEN 'listed'
    ELSE status END) VIRTUAL;

-- The public list and counts read by state; the index replaces the one on status, so a sign-on
-- still writes as many index entries as before.
DROP INDEX signatures_listing;
CREATE INDEX signatures_state ON signatures (petition_id, state, country);
