package org.undersigned.petition;

/** Something people sign: a joint statement (kind "statement") or a campaign (kind "campaign"). */
public record Petition(
        long id, String kind, String slug, String title, String summary, String body, String status,
        Integer goal, long createdAt, long updatedAt, Long closedAt, String imageUrl) {

    public boolean isOpen() {
        return "open".equals(status);
    }

    public boolean isClosed() {
        return "closed".equals(status);
    }

    public boolean isPublic() {
        return !"draft".equals(status);
    }

    public boolean isCampaign() {
        return "campaign".equals(kind);
    }

    /** The page's path, e.g. /statements/end-detention. */
    public String path() {
        return "/" + kind + "s/" + slug;
    }
}
