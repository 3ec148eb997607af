package org.undersigned.site;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;

/**
 * The site's settings, kept as rows of the settings table under {@code site.*} with a version
 * that every change moves. Each instance keeps what it read and asks the version again when its
 * copy is more than {@link #FRESH_NANOS} old, or before it renders a public page for the cache
 * ({@link #refresh}): a change also moves every petition's public_version, which each request
 * for a cached page asks, so every instance's cached pages show it at once; other pages show it
 * within a second.
 */
public final class Site {
    static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String VERSION = "site.version";
    static final String NAME = "site.name";
    static final String PRIVACY_URL = "site.privacy_url";
    static final String LEGAL_URL = "site.legal_url";
    static final String ACCENT_COLOR = "site.accent_color";
    static final String LOGO = "site.logo";
    static final String LOGO_SIZE = "site.logo_size";
    private final Database database;
    private final Audit audit;
    private final String defaultName;
    private volatile Loaded loaded;

    /** What one reading of the rows gave, and when its version was last confirmed. */
    private record Loaded(long version, SiteSettings settings, byte[] logo, long checkedAt) {}

    /** The new settings as a form gives them; logo: the new PNG, or null to keep the one there is; removeLogo wins over it. */
    record Change(String name, String privacyUrl, String legalUrl, String accentColor, byte[] logo, int logoWidth, int logoHeight,
                  boolean removeLogo) {}

    public Site(Database database, Audit audit, String defaultName) {
        this.database = database;
        this.audit = audit;
        this.defaultName = defaultName;
        this.loaded = read();
    }

    /** The settings as they stand (at most a second behind a change made by another instance). */
    public SiteSettings current() {
        return fresh().settings();
    }

    /** Moves with every change of the settings: what a page cached with them depends on. */
    public long version() {
        return fresh().version();
    }

    /** Asks the database for the version now, and reads the settings again if it moved. */
    public void refresh() {
        check(System.nanoTime());
    }

    /** The name the environment gives (SITE_NAME), shown while the settings page sets none. */
    String defaultName() {
        return defaultName;
    }

    /** The logo's PNG when hash is the current logo's. */
    Optional<byte[]> logo(String hash) {
        Loaded now = fresh();
        SiteSettings.Logo logo = now.settings().logo();
        return logo != null && logo.hash().equals(hash) ? Optional.of(now.logo()) : Optional.empty();
    }

    /** Saves the change, moves the version and records who did it, in one transaction; this instance sees it at once. */
    void save(Coordinator admin, Change change) {
        database.writer().run(h -> {
            Map<String, String> before = rows(h);
            Map<String, String> after = new HashMap<>(before);
            put(after, NAME, change.name());
            put(after, PRIVACY_URL, change.privacyUrl());
            put(after, LEGAL_URL, change.legalUrl());
            put(after, ACCENT_COLOR, change.accentColor());
            if (change.removeLogo()) {
                after.remove(LOGO);
                after.remove(LOGO_SIZE);
            } else if (change.logo() != null) {
                after.put(LOGO, Base64.getEncoder().encodeToString(change.logo()));
                after.put(LOGO_SIZE, change.logoWidth() + "x" + change.logoHeight());
            }
            StringBuilder changed = new StringBuilder();
            for (String key : new String[] {NAME, PRIVACY_URL, LEGAL_URL, ACCENT_COLOR, LOGO}) {
                String was = before.get(key);
                String is = after.get(key);
                if (was == null ? is == null : was.equals(is)) continue;
                if (!changed.isEmpty()) changed.append(", ");
                changed.append(key.substring("site.".length()));
                if (!key.equals(LOGO)) changed.append(": ").append(is == null ? "–" : is);
                else changed.append(is == null ? " removed" : " replaced");
            }
            for (String key : new String[] {NAME, PRIVACY_URL, LEGAL_URL, ACCENT_COLOR, LOGO, LOGO_SIZE}) {
                String value = after.get(key);
                if (value == null) {
                    h.createUpdate("DELETE FROM settings WHERE name = :name").bind("name", key).execute();
                } else if (!value.equals(before.get(key))) {
                    h.createUpdate("""
                            INSERT INTO settings (name, value) VALUES (:name, :value)
                            ON CONFLICT (name) DO UPDATE SET value = excluded.value""")
                            .bind("name", key).bind("value", value).execute();
                }
            }
            // an increment in the database, not here: two admins saving at once on two instances still move it twice
            h.createUpdate("INSERT INTO settings (name, value) VALUES (:name, '0') ON CONFLICT (name) DO NOTHING")
                    .bind("name", VERSION).execute();
            h.createUpdate("UPDATE settings SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE name = :name")
                    .bind("name", VERSION).execute();
            // every cached public page shows the settings: this is what each instance's cache asks on every request
            h.createUpdate("UPDATE petitions SET public_version = public_version + 1").execute();
            audit.record(h, admin.id(), admin.email(), "settings", "", changed.isEmpty() ? "" : changed.toString());
        });
        loaded = read();
    }

    private static void put(Map<String, String> rows, String key, String value) {
        if (value == null || value.isEmpty()) rows.remove(key);
        else rows.put(key, value);
    }

    private Loaded fresh() {
        Loaded now = loaded;
        long at = System.nanoTime();
        return at - now.checkedAt() < FRESH_NANOS ? now : check(at);
    }

    private Loaded check(long at) {
        Loaded now = loaded;
        long version = database.reads().withHandle(h -> h.createQuery("SELECT value FROM settings WHERE name = :name")
                .bind("name", VERSION).mapTo(String.class).findOne().map(Long::parseLong).orElse(0L));
        Loaded next = version == now.version() ? new Loaded(now.version(), now.settings(), now.logo(), at) : read();
        loaded = next;
        return next;
    }

    private Loaded read() {
        long at = System.nanoTime();
        Map<String, String> rows = database.reads().withHandle(Site::rows);
        long version = Long.parseLong(rows.getOrDefault(VERSION, "0"));
        byte[] logo = rows.containsKey(LOGO) ? Base64.getDecoder().decode(rows.get(LOGO)) : null;
        SiteSettings.Logo shown = null;
        if (logo != null) {
            String[] size = rows.getOrDefault(LOGO_SIZE, "0x0").split("x");
            // stored at twice the size it is shown at
            shown = new SiteSettings.Logo(LogoImage.hash(logo), (Integer.parseInt(size[0]) + 1) / 2, (Integer.parseInt(size[1]) + 1) / 2);
        }
        SiteSettings settings = new SiteSettings(rows.getOrDefault(NAME, defaultName), rows.get(PRIVACY_URL), rows.get(LEGAL_URL),
                rows.get(ACCENT_COLOR), shown);
        return new Loaded(version, settings, logo, at);
    }

    private static Map<String, String> rows(Handle h) {
        Map<String, String> rows = new HashMap<>();
        h.createQuery("SELECT name, value FROM settings WHERE name LIKE 'site.%'")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                .forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }
}
