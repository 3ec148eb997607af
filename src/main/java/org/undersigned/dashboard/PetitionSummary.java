package org.undersigned.dashboard;


/** One line of the dashboard: a statement or campaign and where its signatures stand. */
public record PetitionSummary(long id, String kind, String slug, String title, String status,
                              long confirmed, long suspect, long awaiting, long pending, long withdrawn) {
    public String path() {
        return "/" + kind + "s/" + slug;
    }

    public boolean isCampaign() {
        return "campaign".equals(kind);
    }

}
