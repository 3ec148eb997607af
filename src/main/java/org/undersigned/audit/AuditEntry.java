package org.undersigned.audit;

/**
 * One coordinator action: who, what, on what, when. A target that is a petition's path (or one of
 * its signatures: the path, '#' and the id) comes with the petition's title as it is now.
 */
public record AuditEntry(long id, String actor, String action, String target, String detail, long at, String petitionTitle) {
    /** The petition's path the target names, as /statements/slug. */
    public String petitionPath() {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    /** The signature the target names, or null. */
    public String signatureId() {
        int hash = target.indexOf('#');
        return hash < 0 ? null : target.substring(hash + 1);
    }
}
