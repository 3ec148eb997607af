-- Custom questions (issue 30): a petition's own questions on its sign-on form, answered with the
-- signature and never public. A question's wording is a row per language (the petition's own
-- language and its translations), as its options are: a choice question's options one per line,
-- in the same order in every language, so the answer is the same whatever language it was given in.
-- A removed question leaves the form but keeps its answers (removed_at), which the exports still show.
CREATE TABLE petition_questions (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER     NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    type        VARCHAR(10) NOT NULL CHECK (type IN ('text', 'choice', 'checkbox')),
    required    BOOLEAN     NOT NULL,
    created_at  BIGINT      NOT NULL,
    removed_at  BIGINT
);
CREATE INDEX petition_questions_petition ON petition_questions (petition_id, position);

CREATE TABLE petition_question_texts (
    question_id INTEGER      NOT NULL REFERENCES petition_questions (id) ON DELETE CASCADE,
    petition_id INTEGER      NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    lang        VARCHAR(10)  NOT NULL,
    label       VARCHAR(300) NOT NULL,
    options     TEXT         NOT NULL DEFAULT '',
    PRIMARY KEY (question_id, lang)
);

-- A choice is stored as its option in the petition's own language, a ticked checkbox as 'yes'.
CREATE TABLE signature_answers (
    signature_id INTEGER NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
    question_id  INTEGER NOT NULL REFERENCES petition_questions (id) ON DELETE CASCADE,
    answer       TEXT    NOT NULL,
    PRIMARY KEY (signature_id, question_id)
);

-- Where a sign-on came from, for the numbers: the page address's source or utm_source parameter,
-- or the referring site's domain, a short lowercased label, never a whole address. Not `source`,
-- which says how the signature came in (the form, a coordinator, the API; V037).
ALTER TABLE signatures ADD COLUMN referral VARCHAR(64);

-- The questions show on the public form: a change moves the petition's public_version (see V010).
CREATE TRIGGER questions_public_insert AFTER INSERT ON petition_questions
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
END;

CREATE TRIGGER questions_public_update AFTER UPDATE ON petition_questions
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
END;

CREATE TRIGGER questions_public_delete AFTER DELETE ON petition_questions
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = OLD.petition_id;
END;

CREATE TRIGGER question_texts_public_insert AFTER INSERT ON petition_question_texts
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
END;

CREATE TRIGGER question_texts_public_update AFTER UPDATE ON petition_question_texts
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = NEW.petition_id;
END;

CREATE TRIGGER question_texts_public_delete AFTER DELETE ON petition_question_texts
BEGIN
    UPDATE petitions SET public_version = public_version + 1 WHERE id = OLD.petition_id;
END;
