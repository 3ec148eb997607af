package org.undersigned.petition;

/**
 * Something people sign: a joint statement or a campaign ({@link Kind}).
 * Its words (title, summary, body, consent) are in {@code lang}; see {@link Translation} for the others.
 * Status is what the coordinator set; {@link #at} gives what it is at a moment, since a petition
 * may open and close itself at set times. initiatedBy and addressedTo (null: not said) are shown
 * near the title; its sign-on deadline is {@code closesAt}.
 */
public record Petition(
        long id, Kind kind, String slug, String title, String summary, String body, PetitionStatus status,
        Integer goal, long createdAt, long updatedAt, Long closedAt, String imageUrl,
        boolean needsApproval, Long opensAt, Long closesAt, String consentText, int version, boolean digest, String lang,
        String replyTo, String initiatedBy, String addressedTo) {

    /** The constructor JDBI maps rows with. */
    @org.jdbi.v3.core.mapper.reflect.JdbiConstructor
    public Petition {
    }

    public boolean isOpen() {
        return status == PetitionStatus.OPEN;
    }

    public boolean isClosed() {
        return status == PetitionStatus.CLOSED;
    }

    /** Drafts and petitions whose opening time has not come are not public. */
    public boolean isPublic() {
        return isOpen() || isClosed();
    }

    /** The page's path, e.g. /statements/end-detention. */
    public String path() {
        return kind.path(slug);
    }

    /** As it stands at this moment: before its opening time it is scheduled, after its closing time closed. */
    public Petition at(long now) {
        return switch (PetitionStatus.at(status, opensAt, closesAt, now)) {
            case SCHEDULED -> withStatus(PetitionStatus.SCHEDULED, closedAt);
            case CLOSED -> isOpen() ? withStatus(PetitionStatus.CLOSED, closesAt) : this;
            default -> this;
        };
    }

    /** As it will stand once open, whatever it is now: what a coordinator previews of a draft or an embargoed petition. */
    public Petition opened() {
        return withStatus(PetitionStatus.OPEN, null);
    }

    private Petition withStatus(PetitionStatus newStatus, Long newClosedAt) {
        return new Petition(id, kind, slug, title, summary, body, newStatus, goal, createdAt, updatedAt, newClosedAt,
                imageUrl, needsApproval, opensAt, closesAt, consentText, version, digest, lang, replyTo,
                initiatedBy, addressedTo);
    }

    /** The same petition, its words in the translation's language; everything else (id, list, status) unchanged. */
    public Petition in(Translation t) {
        return new Petition(id, kind, slug, t.title(), t.summary(), t.body(), status, goal, createdAt, updatedAt, closedAt,
                imageUrl, needsApproval, opensAt, closesAt, t.consentText(), version, digest, t.lang(), replyTo,
                t.initiatedBy() != null ? t.initiatedBy() : initiatedBy, t.addressedTo() != null ? t.addressedTo() : addressedTo);
    }
}
