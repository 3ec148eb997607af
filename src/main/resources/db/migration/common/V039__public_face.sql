-- Who started a statement or campaign and whom it addresses, shown near its title (NULL: not said).
-- Its sign-on deadline is closes_at, which already closes the form when it passes.
ALTER TABLE petitions ADD COLUMN initiated_by VARCHAR(500);
ALTER TABLE petitions ADD COLUMN addressed_to VARCHAR(500);
-- The same in a translation's language (NULL: the original's words are shown).
ALTER TABLE petition_translations ADD COLUMN initiated_by VARCHAR(500);
ALTER TABLE petition_translations ADD COLUMN addressed_to VARCHAR(500);

-- How an organisation is shown: 'name' (listed by name, every row before this migration) or
-- 'count_only' (counted, its name on no public page, embed or JSON: organisations at risk).
ALTER TABLE signatures ADD COLUMN listing VARCHAR(10) NOT NULL DEFAULT 'name' CHECK (listing IN ('name', 'count_only'));
