package org.undersigned.signature;

import org.undersigned.petition.Petition;

/**
 * Where a secret link leads: nowhere, to an expired confirmation, or to a signature in some state,
 * with its petition in the signer's language as it stands now (read with the signature, so that
 * the page needs no read of its own).
 */
public record LinkState(Kind kind, Signature signature, Petition petition) {
    public enum Kind { UNKNOWN, EXPIRED, PENDING, CONFIRMED, WITHDRAWN }

    static LinkState unknown() {
        return new LinkState(Kind.UNKNOWN, null, null);
    }

    static LinkState of(Signature signature, Petition petition, boolean expired) {
        if (signature.isWithdrawn()) return new LinkState(Kind.WITHDRAWN, signature, petition);
        if (signature.isConfirmed()) return new LinkState(Kind.CONFIRMED, signature, petition);
        return new LinkState(expired ? Kind.EXPIRED : Kind.PENDING, signature, petition);
    }
}
