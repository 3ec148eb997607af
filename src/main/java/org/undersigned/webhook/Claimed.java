package org.undersigned.webhook;

/** A delivery claimed for sending, with its endpoint; body empty until its first attempt makes it. */
record Claimed(long id, long endpointId, String url, String secret, String event, long petitionId, Long signatureId, String body,
               int attempts, long createdAt) {
    String messageId() {
        return Delivery.messageId(id);
    }

    Claimed withBody(String made) {
        return new Claimed(id, endpointId, url, secret, event, petitionId, signatureId, made, attempts, createdAt);
    }
}
