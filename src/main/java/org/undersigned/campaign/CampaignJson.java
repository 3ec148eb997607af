package org.undersigned.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Petition;

/**
 * GET /api/v1/campaigns/{slug}: counts only, never a supporter. initiatedBy, addressedTo and
 * deadline (the closing time, ISO 8601) are null when not set.
 */
record CampaignJson(String slug, String title, String status, long signatureCount, Integer goal, Map<String, Long> countries,
                    List<String> languages, String initiatedBy, String addressedTo, String deadline) {
    /** languages: those the text exists in, the original first; title is in the original. */
    static CampaignJson of(Petition campaign, List<CountryCount> counts, List<String> languages) {
        Map<String, Long> byCountry = new LinkedHashMap<>();
        counts.forEach(c -> byCountry.put(c.country(), c.count()));
        return new CampaignJson(campaign.slug(), campaign.title(), campaign.status().code(),
                counts.stream().mapToLong(CountryCount::count).sum(), campaign.goal(), byCountry, languages,
                campaign.initiatedBy(), campaign.addressedTo(),
                campaign.closesAt() == null ? null : java.time.Instant.ofEpochMilli(campaign.closesAt()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }
}
