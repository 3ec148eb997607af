package org.undersigned.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Petition;

/** GET /api/v1/campaigns/{slug}: counts only, never a supporter. */
record CampaignJson(String slug, String title, String status, long signatureCount, Integer goal, Map<String, Long> countries,
                    List<String> languages) {
    /** languages: those the text exists in, the original first; title is in the original. */
    static CampaignJson of(Petition campaign, List<CountryCount> counts, List<String> languages) {
        Map<String, Long> byCountry = new LinkedHashMap<>();
        counts.forEach(c -> byCountry.put(c.country(), c.count()));
        return new CampaignJson(campaign.slug(), campaign.title(), campaign.status().code(),
                counts.stream().mapToLong(CountryCount::count).sum(), campaign.goal(), byCountry, languages);
    }
}
