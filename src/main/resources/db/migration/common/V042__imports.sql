-- A coordinator's import of signatures from a CSV file, from the upload to its report. The file is
-- kept here, decoded, between the preview and the import (any instance may serve either), and
-- emptied once the import is done; the import reports its progress here, for whichever instance
-- the coordinator's browser asks. report: one "problem=count" line per reason a row was skipped.
CREATE TABLE imports (
    id             VARCHAR(64)  PRIMARY KEY,
    petition_id    BIGINT       NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    coordinator_id BIGINT       REFERENCES coordinators (id) ON DELETE SET NULL,
    file_name      VARCHAR(300) NOT NULL,
    content        TEXT         NOT NULL,
    charset        VARCHAR(20)  NOT NULL,
    cell_separator VARCHAR(1)   NOT NULL,
    state          VARCHAR(10)  NOT NULL DEFAULT 'preview' CHECK (state IN ('preview', 'running', 'done', 'failed')),
    mapping        VARCHAR(2000),
    rows_total     INTEGER      NOT NULL DEFAULT 0,
    rows_done      INTEGER      NOT NULL DEFAULT 0,
    imported       INTEGER      NOT NULL DEFAULT 0,
    report         TEXT         NOT NULL DEFAULT '',
    created_at     BIGINT       NOT NULL,
    started_at     BIGINT,
    finished_at    BIGINT
);
CREATE INDEX imports_petition ON imports (petition_id, created_at);
