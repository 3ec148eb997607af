package org.undersigned.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} and the base64 HMAC-SHA256, keyed with the secret's
 * bytes (after its {@code whsec_} prefix, base64-decoded), of {@code id.timestamp.body}. Receivers
 * check it with any Standard Webhooks library, or these few lines.
 */
final class WebhookSigner {
    static final String PREFIX = "whsec_";
    private WebhookSigner() {}

    /** A new secret: 32 random bytes, as shown once to the coordinator. */
    static String newSecret(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java", e);
        }
    }
}
