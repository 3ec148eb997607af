package org.undersigned.signature;

/** What a secret link points at. */
record TokenMatch(long signatureId, String purpose, Long expiresAt) {}
