package org.undersigned.db;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** Site-wide values kept in the database, such as the secret that signs form tokens. */
public final class Settings {
    private final Database database;

    public Settings(Database database) {
        this.database = database;
    }

    /** A random 256-bit secret made on first use and kept, so forms served before a restart stay valid. */
    public byte[] secret(String name) {
        String hex = database.writer().write(h -> {
            Optional<String> existing = h.createQuery("SELECT value FROM settings WHERE name = :name")
                    .bind("name", name).mapTo(String.class).findOne();
            if (existing.isPresent()) return existing.get();
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String value = HexFormat.of().formatHex(fresh);
            h.createUpdate("INSERT INTO settings (name, value) VALUES (:name, :value)")
                    .bind("name", name).bind("value", value).execute();
            return value;
        });
        return HexFormat.of().parseHex(hex);
    }
}
