package org.undersigned.signature;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.undersigned.tokens.Tokens;

/**
 * The tokens in the links of signers' mails, and the keys they are stored under.
 *
 * <p>A token is 33 bytes, URL-safe (44 characters): the time it was made in milliseconds (6
 * bytes), then 216 random bits. It is stored under its key: that time in hex, then the SHA-256 of
 * the whole token, so a stolen database holds no usable link. The keys of new links thus sort
 * after all earlier ones and each group commit adds its tokens at the end of the table's index,
 * where a key of random bits alone went to a random page of an index too large for the cache:
 * a page to read and one more to write for every sign-on.
 *
 * <p>Links mailed before had 32 random bytes (43 characters) stored under their SHA-256 alone;
 * a token of that length is looked up that way, so they go on working.
 */
final class LinkTokens {
    private static final int TIME_BYTES = 6;
    private static final int RANDOM_BYTES = 27;
    private static final int LENGTH = 44; // base64url of 33 bytes, no padding
    private final SecureRandom random = new SecureRandom();

    /** A fresh token made at {@code now} (milliseconds since the epoch). */
    String next(long now) {
        ByteBuffer bytes = ByteBuffer.allocate(TIME_BYTES + RANDOM_BYTES);
        bytes.putShort((short) (now >>> 32)).putInt((int) now);
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        bytes.put(randomPart);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The key a token is stored under; any string (a mangled link) gets one, which matches nothing. */
    static String key(String token) {
        if (token.length() == LENGTH) {
            try {
                byte[] bytes = Base64.getUrlDecoder().decode(token);
                return HexFormat.of().formatHex(bytes, 0, TIME_BYTES) + Tokens.hash(token);
            } catch (IllegalArgumentException notBase64) {
                // a mangled link: its plain hash matches no key
            }
        }
        return Tokens.hash(token);
    }
}
