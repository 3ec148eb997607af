package org.undersigned.statement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Petition;

/** GET /api/v1/statements/{slug}, as the contract spells it. */
record StatementJson(String slug, String title, String status, long signatureCount,
                     Map<String, Long> countries, List<Entry> signatories, List<String> languages) {

    record Entry(String organisation, String country, String orgType, String website, String signedAt) {}

    /** languages: those the text exists in, the original first; title is in the original. */
    static StatementJson of(Petition statement, List<Signatory> signatories, List<String> languages) {
        return new StatementJson(statement.slug(), statement.title(), statement.status().code(), signatories.size(),
                SignatoryList.countByCountry(signatories),
                signatories.stream().map(s -> new Entry(s.organisation(), s.country(), s.orgType(), s.website(),
                        Instant.ofEpochMilli(s.confirmedAt()).truncatedTo(ChronoUnit.SECONDS).toString())).toList(),
                languages);
    }
}
