package org.undersigned.copy;

/** One table compared after the copy: its rows counted, and a SHA-256 of them, on each side. */
public record TableCheck(String table, long sourceRows, long targetRows, String sourceSha256, String targetSha256) {
    public boolean matches() {
        return sourceRows == targetRows && sourceSha256.equals(targetSha256);
    }
}
