package org.undersigned.webhook;

/** One delivery in an endpoint's log: what was sent, how it went, the last answer. */
public record Delivery(long id, String event, String target, String status, int attempts, long createdAt, Long nextAttemptAt, Long settledAt,
                Integer responseCode, String lastError) {
    /** The webhook-id header of its every attempt, by which receivers drop repeats. */
    public String messageId() {
        return messageId(id);
    }

    /** A delivery's webhook-id, the same on every attempt and replay. */
    static String messageId(long id) {
        return "msg_" + id;
    }

    public boolean replayable() {
        return status.equals("delivered") || status.equals("failed");
    }
}
