-- Languages (issue 7). A petition's own text is written in one language; translations carry the
-- same text in others. Every version feeds the one list of signatures of its petition.
ALTER TABLE petitions ADD COLUMN lang VARCHAR(10) NOT NULL DEFAULT 'en';

CREATE TABLE petition_translations (
    petition_id  INTEGER      NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    lang         VARCHAR(10)  NOT NULL,
    title        VARCHAR(300) NOT NULL,
    summary      VARCHAR(500) NOT NULL DEFAULT '',
    body         TEXT         NOT NULL,
    consent_text TEXT,
    updated_at   BIGINT       NOT NULL,
    PRIMARY KEY (petition_id, lang)
);

-- The language of the text the signer read and signed; `locale` stays the language of the pages
-- and mails (they differ when the text exists in a language the interface does not speak).
ALTER TABLE signatures ADD COLUMN text_lang VARCHAR(10);
