package org.undersigned.signature;

/**
 * Where a sign-on came from: the client's hashed address and whether it filled the honeypot, which
 * flood control judges it by, and its {@link Referral} label (null: none known), for the numbers.
 */
public record Origin(String clientHash, boolean honeypot, String referral) {}
