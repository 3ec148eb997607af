-- How a signature came in: 'form' (the public sign-on form, every row before this migration) or
-- 'coordinator' (typed in by a coordinator for someone who signed by email or on paper), with the
-- coordinator's note on where it came from. A hand-added signature may have no address: its email
-- is then '' and its email_key NULL, as a withdrawn one's, which the unique index lets repeat.
ALTER TABLE signatures ADD COLUMN source VARCHAR(12) NOT NULL DEFAULT 'form';
ALTER TABLE signatures ADD COLUMN source_note VARCHAR(500);
