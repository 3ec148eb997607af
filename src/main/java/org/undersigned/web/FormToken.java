package org.undersigned.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hidden token on public forms: when the form was served, signed with the site's secret.
 * It needs no cookie (so forms inside a third-party iframe work) and lets a later issue tell
 * how long a form took to fill. Cross-site posting is refused by {@link SecurityHeaders} from
 * Sec-Fetch-Site; the token refuses forged or stale forms.
 */
public final class FormToken {
    public static final String FIELD = "form_token";
    private static final Duration VALIDITY = Duration.ofHours(24);
    private final byte[] secret;
    private final Clock clock;

    public FormToken(byte[] secret, Clock clock) {
        this.secret = secret.clone();
        this.clock = clock;
    }

    public String issue(String purpose) {
        long issued = clock.millis();
        return issued + "." + mac(purpose + "|" + issued);
    }

    public boolean isValid(String purpose, String token) {
        return isValid(purpose, token, VALIDITY);
    }

    /** Valid for this purpose and issued less than {@code validity} ago (a short-lived handle, say). */
    public boolean isValid(String purpose, String token, Duration validity) {
        if (token == null) return false;
        int dot = token.indexOf('.');
        if (dot <= 0) return false;
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        long age = clock.millis() - issued;
        if (age < -60_000 || age > validity.toMillis()) return false;
        byte[] expected = mac(purpose + "|" + issued).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    /** When a token was issued (milliseconds since the epoch); only meaningful once {@link #isValid} said yes. */
    public static long issuedAt(String token) {
        return Long.parseLong(token.substring(0, token.indexOf('.')));
    }

    private String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
