package org.undersigned.signature;

import java.util.Base64;
import org.jdbi.v3.core.Handle;
import org.undersigned.site.LogoImage;

/**
 * Organisations' logos for a statement's logo wall, one per signature: written inside the
 * transaction of whatever brings it (a sign-on, a coordinator's change), after the image work is
 * done, so that the transaction only stores bytes.
 */
public final class OrganisationLogos {
    /** A logo as stored: its PNG in base64, ready before the transaction starts. */
    public record Stored(String hash, String base64, int width, int height) {
        public static Stored of(LogoImage.Prepared logo) {
            return new Stored(logo.hash(), Base64.getEncoder().encodeToString(logo.png()), logo.width(), logo.height());
        }

        /** The size a page shows it at, in CSS pixels: half the stored one, for sharp screens. */
        public int cssWidth() {
            return (width + 1) / 2;
        }

        public int cssHeight() {
            return (height + 1) / 2;
        }
    }

    private OrganisationLogos() {}

    /** Gives the signature this logo, replacing any it had. */
    public static void put(Handle h, long signatureId, Stored logo, long now) {
        h.createUpdate("""
                INSERT INTO signature_logos (signature_id, hash, png, width, height, created_at)
                VALUES (:id, :hash, :png, :width, :height, :now)
                ON CONFLICT (signature_id) DO UPDATE SET hash = excluded.hash, png = excluded.png, width = excluded.width,
                    height = excluded.height, created_at = excluded.created_at""")
                .bind("id", signatureId).bind("hash", logo.hash()).bind("png", logo.base64())
                .bind("width", logo.width()).bind("height", logo.height()).bind("now", now).execute();
    }

    /** The signature's logo, whatever its state: for its coordinators. */
    public static java.util.Optional<Stored> of(Handle h, long signatureId) {
        return h.createQuery("SELECT hash, png, width, height FROM signature_logos WHERE signature_id = :id").bind("id", signatureId)
                .map((rs, ctx) -> new Stored(rs.getString("hash"), rs.getString("png"), rs.getInt("width"), rs.getInt("height")))
                .findOne();
    }

    /** The logo goes with a sign-on moved to another row (its address corrected). */
    static void move(Handle h, long from, long to) {
        h.createUpdate("UPDATE signature_logos SET signature_id = :to WHERE signature_id = :from").bind("from", from).bind("to", to).execute();
    }

    /** Takes the signature's logo away; true when it had one. */
    public static boolean remove(Handle h, long signatureId) {
        return h.createUpdate("DELETE FROM signature_logos WHERE signature_id = :id").bind("id", signatureId).execute() > 0;
    }
}
