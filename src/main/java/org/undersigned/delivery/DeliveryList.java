package org.undersigned.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The list handed over with a statement, in its one canonical form (docs/delivery.md): a CSV of
 * the listed signatories, header {@code organisation,country,org_type,signed_on}, rows in the order
 * of the database's query (country code, then organisation), UTF-8 without BOM, CRLF after every
 * line, a cell quoted (its quotes doubled) when it holds a comma, quote or line break, and one that
 * starts with = + - or @ led by an apostrophe so that spreadsheets read it as text. The fingerprint
 * printed on the dossier is the SHA-256 of exactly these bytes, which the coordinator downloads.
 */
public record DeliveryList(List<Row> rows) {
    public record Row(String organisation, String country, String orgType, long confirmedAt) {
        /** The day it was confirmed, in UTC: what the dossier prints and the CSV holds. */
        public String signedOn() {
            return DAY.format(Instant.ofEpochMilli(confirmedAt));
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    public byte[] csv() {
        StringBuilder out = new StringBuilder("organisation,country,org_type,signed_on\r\n");
        for (Row r : rows) {
            out.append(cell(r.organisation())).append(',').append(cell(r.country())).append(',')
                    .append(cell(r.orgType())).append(',').append(r.signedOn()).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of {@link #csv()}, in lower-case hexadecimal. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
