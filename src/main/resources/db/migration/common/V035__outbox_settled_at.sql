-- The mail log forgets a mail MAIL_LOG_DAYS after it settled (handed off or given up), not after its
-- last scheduled attempt: a mail that waited through a long outage left the log as soon as it was sent.
ALTER TABLE outbox ADD COLUMN settled_at BIGINT;
-- mail settled before this version: when it was sent, else the attempt at which it was given up
UPDATE outbox SET settled_at = COALESCE(sent_at, next_attempt_at) WHERE status IN ('sent', 'failed');
CREATE INDEX outbox_settled ON outbox (settled_at);
