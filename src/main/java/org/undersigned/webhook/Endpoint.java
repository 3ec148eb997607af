package org.undersigned.webhook;

import java.util.List;

/** A registered endpoint, as its coordinators see it (never its secret again). petitionPath null: every petition. */
record Endpoint(long id, String url, List<WebhookEvent> events, Long petitionId, String petitionPath, String createdBy, long createdAt) {}
