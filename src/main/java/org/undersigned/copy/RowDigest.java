package org.undersigned.copy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a table's rows, in the order given, each value written the same way whichever
 * database it was read from: booleans as true/false (SQLite's 0 and 1 turned into them first, by
 * the caller that knows the column is a boolean), whole numbers as decimal text, text as its UTF-8
 * bytes. Each value is prefixed with its length, and NULL is a mark of its own, so that NULL and ''
 * differ, and no two rows run into each other.
 */
final class RowDigest {
    private static final byte[] NULL = {'N'};
    private final MessageDigest sha256;

    RowDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    void add(Object value) {
        if (value == null) {
            sha256.update(NULL);
            return;
        }
        byte[] bytes = canonical(value).getBytes(StandardCharsets.UTF_8);
        sha256.update(("V" + bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha256.update(bytes);
    }

    void endRow() {
        sha256.update((byte) '\n');
    }

    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String canonical(Object value) {
        if (value instanceof Boolean b) return b.toString();
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) return canonical(new BigDecimal(value.toString()));
        if (value instanceof BigDecimal d) return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        if (value instanceof String s) return s;
        throw new IllegalArgumentException("no canonical form for a " + value.getClass().getName());
    }
}
