package org.undersigned.audit;

/**
 * One coordinator action as its reader may see it: who (null: another coordinator, unnamed), what,
 * on what, when. A target that is a petition's path (or one of its signatures: the path, '#' and the
 * id) comes with the petition's title and path as they are now.
 */
public record AuditEntry(long id, String actor, String action, String target, String detail, long at, String petitionTitle,
                         String petitionPath) {
    /** The signature the target names, or null. */
    public String signatureId() {
        int hash = target.indexOf('#');
        return hash < 0 ? null : target.substring(hash + 1);
    }

    /** The petition's path a target names as it was recorded, as /statements/slug. */
    static String pathIn(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }
}
