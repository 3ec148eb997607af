package org.undersigned.statement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Petition;

/**
 * GET /api/v1/statements/{slug}, as the contract spells it. signatureCount counts every listed
 * organisation; countries and signatories hold only those listed by name. initiatedBy, addressedTo
 * and deadline (the closing time, ISO 8601) are null when not set.
 */
record StatementJson(String slug, String title, String status, long signatureCount,
                     Map<String, Long> countries, List<Entry> signatories, List<String> languages,
                     String initiatedBy, String addressedTo, String deadline) {

    record Entry(String organisation, String country, String orgType, String website, String signedAt) {}

    /** languages: those the text exists in, the original first; title is in the original. */
    static StatementJson of(Petition statement, SignatoryList.Listed listed, List<String> languages) {
        List<Signatory> named = listed.named();
        return new StatementJson(statement.slug(), statement.title(), statement.status().code(), listed.count(),
                SignatoryList.countByCountry(named),
                named.stream().map(s -> new Entry(s.organisation(), s.country(), s.orgType(), s.website(), time(s.confirmedAt()))).toList(),
                languages, statement.initiatedBy(), statement.addressedTo(),
                statement.closesAt() == null ? null : time(statement.closesAt()));
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
