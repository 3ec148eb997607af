package org.undersigned.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * The {@code after} of a page of signatures: the last id the client has seen, base64url-encoded
 * so that clients treat it as opaque and the ordering behind it may change without breaking them.
 */
final class Cursor {
    private static final String VERSION = "s1:";

    private Cursor() {}

    static String after(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id a cursor stands for; empty when it is not one of ours. */
    static OptionalLong read(String cursor) {
        if (cursor.length() > 40) return OptionalLong.empty();
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(VERSION)) return OptionalLong.empty();
            String digits = text.substring(VERSION.length());
            if (!digits.matches("[0-9]{1,18}")) return OptionalLong.empty();
            return OptionalLong.of(Long.parseLong(digits));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}
