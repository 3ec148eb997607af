package org.undersigned.signature;

/** Where a secret link leads: nowhere, to an expired confirmation, or to a signature in some state. */
public record LinkState(Kind kind, Signature signature) {
    public enum Kind { UNKNOWN, EXPIRED, PENDING, CONFIRMED, WITHDRAWN }

    static LinkState unknown() {
        return new LinkState(Kind.UNKNOWN, null);
    }

    static LinkState of(Signature signature, boolean expired) {
        if (signature.isWithdrawn()) return new LinkState(Kind.WITHDRAWN, signature);
        if (signature.isConfirmed()) return new LinkState(Kind.CONFIRMED, signature);
        return new LinkState(expired ? Kind.EXPIRED : Kind.PENDING, signature);
    }
}
