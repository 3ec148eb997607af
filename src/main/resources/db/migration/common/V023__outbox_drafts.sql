-- A mail queued as a draft: its template, language and model as JSON, rendered by the relay when it
-- sends it (subject and bodies stay empty until then). Rendering two templates on every sign-on took
-- a sixth of the request threads' time during a spike, and the rendered bodies (about 3.4 KB) were
-- most of what the single writer wrote per sign-on. NULL for mail queued already rendered.
ALTER TABLE outbox ADD COLUMN draft TEXT;
