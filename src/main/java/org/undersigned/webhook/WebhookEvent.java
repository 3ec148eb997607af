package org.undersigned.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook endpoint can hear of: the {@code type} of each delivery's body. */
public enum WebhookEvent {
    SIGNATURE_CONFIRMED("signature.confirmed"),
    SIGNATURE_APPROVED("signature.approved"),
    SIGNATURE_REJECTED("signature.rejected"),
    SIGNATURE_WITHDRAWN("signature.withdrawn"),
    PETITION_OPENED("petition.opened"),
    PETITION_CLOSED("petition.closed");

    private final String code;

    WebhookEvent(String code) {
        this.code = code;
    }

    /** The name in the body, the form and the database: {@code signature.confirmed}. */
    public String code() {
        return code;
    }

    public boolean aboutSignature() {
        return code.startsWith("signature.");
    }

    public static Optional<WebhookEvent> of(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
