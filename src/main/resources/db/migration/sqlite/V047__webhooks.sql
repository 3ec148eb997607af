-- Webhook endpoints of coordinators and their durable queue of deliveries. An endpoint with no
-- petition hears every petition (admins only); the secret signs each delivery, so it is kept as is.
CREATE TABLE webhook_endpoints (
    id             INTEGER PRIMARY KEY,
    url            VARCHAR(2000) NOT NULL,
    secret         VARCHAR(100)  NOT NULL,
    petition_id    INTEGER REFERENCES petitions (id) ON DELETE CASCADE,
    coordinator_id INTEGER REFERENCES coordinators (id) ON DELETE SET NULL,
    created_at     BIGINT        NOT NULL
);
CREATE INDEX webhook_endpoints_petition ON webhook_endpoints (petition_id);
CREATE TABLE webhook_subscriptions (
    endpoint_id INTEGER     NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event       VARCHAR(40) NOT NULL,
    PRIMARY KEY (event, endpoint_id)
);
-- AUTOINCREMENT: an id is the delivery's webhook-id, by which receivers drop repeats, so it is never reused.
-- signature_id orders the deliveries of one signature to one endpoint (confirmed before withdrawn).
CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint_id     INTEGER      NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event           VARCHAR(40)  NOT NULL,
    petition_id     INTEGER      NOT NULL,
    signature_id    INTEGER,
    body            TEXT         NOT NULL,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('queued', 'sending', 'delivered', 'failed')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at BIGINT       NOT NULL,
    claimed_until   BIGINT,
    created_at      BIGINT       NOT NULL,
    settled_at      BIGINT,
    response_code   INTEGER,
    last_error      VARCHAR(300)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_order ON webhook_deliveries (endpoint_id, signature_id, id);
-- Whether each petition was last announced open or closed: petition.opened and petition.closed go out once per change.
CREATE TABLE webhook_petition_states (
    petition_id INTEGER PRIMARY KEY REFERENCES petitions (id) ON DELETE CASCADE,
    open        BOOLEAN NOT NULL
);
