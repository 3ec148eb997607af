-- PostgreSQL: as sqlite/V024__signature_state.sql, the column stored (PostgreSQL 15 has no virtual
-- generated columns). Listed means confirmed, approved where approval is asked, and not suspect.
ALTER TABLE signatures ADD COLUMN state VARCHAR(10) GENERATED ALWAYS AS (CASE
    WHEN suspect IS NOT NULL THEN 'suspect'
    WHEN status = 'confirmed' AND moderation = 'awaiting' THEN 'awaiting'
    WHEN status = 'confirmed' AND moderation = 'rejected' THEN 'rejected'
    WHEN status = 'confirmed' THEN 'listed'
    ELSE status END) STORED;

DROP INDEX signatures_listing;
CREATE INDEX signatures_state ON signatures (petition_id, state, country);
