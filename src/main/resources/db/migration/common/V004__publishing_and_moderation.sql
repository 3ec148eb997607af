-- What coordinators set on a statement or campaign, the versions of its text, and moderation of sign-ons.
ALTER TABLE petitions ADD COLUMN needs_approval BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE petitions ADD COLUMN opens_at BIGINT;
ALTER TABLE petitions ADD COLUMN closes_at BIGINT;
ALTER TABLE petitions ADD COLUMN consent_text VARCHAR(1000);
ALTER TABLE petitions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE petitions ADD COLUMN digest BOOLEAN NOT NULL DEFAULT FALSE;

-- Every text a petition has had; a signature points at the version its signer saw.
CREATE TABLE petition_versions (
    petition_id INTEGER      NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    version     INTEGER      NOT NULL,
    title       VARCHAR(300) NOT NULL,
    body        TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL,
    created_by  VARCHAR(254),
    PRIMARY KEY (petition_id, version)
);
INSERT INTO petition_versions (petition_id, version, title, body, created_at, created_by)
SELECT id, 1, title, body, created_at, NULL FROM petitions;

ALTER TABLE signatures ADD COLUMN petition_version INTEGER NOT NULL DEFAULT 1;
-- none: no approval asked; awaiting: confirmed, in the queue; approved / rejected by a coordinator
ALTER TABLE signatures ADD COLUMN moderation VARCHAR(10) NOT NULL DEFAULT 'none'
    CHECK (moderation IN ('none', 'awaiting', 'approved', 'rejected'));
ALTER TABLE signatures ADD COLUMN moderation_note VARCHAR(500);
-- how the organisation is shown, when a coordinator corrected it; the submitted name stays in organisation
ALTER TABLE signatures ADD COLUMN display_name VARCHAR(200);
CREATE INDEX signatures_moderation ON signatures (petition_id, moderation);
