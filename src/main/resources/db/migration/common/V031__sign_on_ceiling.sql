-- What the rate limit and the ceiling count besides stored signatures. A repeat sign-on (an address
-- signing again) stores no signature, yet counts against its client's limits as a new one does:
-- each leaves a trace here, kept an hour (the limits' window), then purged by housekeeping.
CREATE TABLE sign_on_repeats (
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    client_hash TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX sign_on_repeats_client ON sign_on_repeats (petition_id, client_hash, created_at);

-- Sign-ons not stored at all (a client over its ceiling, or a petition's held sign-ons of the hour
-- at their bound), counted per petition and minute for the coordinators' alert; kept a day.
CREATE TABLE dropped_sign_ons (
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    minute      BIGINT NOT NULL,
    count       BIGINT NOT NULL,
    PRIMARY KEY (petition_id, minute)
);

-- The held sign-ons of a petition by time, for the bound on how many are stored an hour. Partial:
-- an ordinary sign-on writes no entry here, and one released leaves it.
CREATE INDEX signatures_held ON signatures (petition_id, created_at) WHERE suspect IS NOT NULL;
