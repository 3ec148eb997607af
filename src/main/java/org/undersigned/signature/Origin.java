package org.undersigned.signature;

/** Where a sign-on came from, as far as flood control needs to know: the client's hashed address, and whether it filled the honeypot. */
public record Origin(String clientHash, boolean honeypot) {}
