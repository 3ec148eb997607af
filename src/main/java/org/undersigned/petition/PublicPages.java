package org.undersigned.petition;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.undersigned.web.Localization;

/**
 * Public pages and JSON, rendered once and kept in memory (gzipped too) until the petition's
 * public_version moves (database triggers move it whenever anything shown changes) or
 * {@link #MAX_AGE} passes (the form token inside ages, and opening times pass without a write).
 * Answers carry an ETag and a matching If-None-Match gets 304. Requests from a signed-in
 * coordinator are never cached: their pages differ.
 */
public final class PublicPages {
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 256;
    private final Petitions petitions;
    private final Clock clock;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public PublicPages(Petitions petitions, Clock clock) {
        this.petitions = petitions;
        this.clock = clock;
    }

    private record Key(long petitionId, long version, String status, String variant, String textLanguage, String locale, String query) {}

    private record Entry(byte[] plain, byte[] gzip, String contentType, String etag, long createdAt) {}

    /** Serves the page from memory, or renders it with {@code render} and keeps it when it is a 200. */
    public void serve(Context ctx, Petition petition, String variant, Consumer<Context> render) {
        if (ctx.attribute("me") != null || ctx.attribute("csrf") != null) {
            render.accept(ctx);
            return;
        }
        long version = petitions.version(petition);
        if (version < 0) {
            render.accept(ctx);
            return;
        }
        // the page differs by the version of the text the reader gets, not only by the interface language
        String textLanguage = petitions.forReader(ctx, petition).petition().lang();
        Key key = new Key(petition.id(), version, petition.status(), variant, textLanguage, Localization.of(ctx).toLanguageTag(), ctx.queryString());
        long now = clock.millis();
        Entry entry = lookup(key, now);
        if (entry == null) {
            render.accept(ctx);
            String body = ctx.result();
            if (ctx.status().getCode() != 200 || body == null) return;
            entry = new Entry(body.getBytes(StandardCharsets.UTF_8), gzip(body), ctx.res().getContentType(),
                    "\"p" + petition.id() + "-" + key.version() + "-" + Integer.toHexString(key.hashCode()) + "-" + Long.toString(now, 36) + "\"",
                    now);
            synchronized (entries) {
                entries.put(key, entry);
            }
        }
        send(ctx, entry);
    }

    private Entry lookup(Key key, long now) {
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null && now - entry.createdAt() > MAX_AGE.toMillis()) {
                entries.remove(key);
                return null;
            }
            return entry;
        }
    }

    private static void send(Context ctx, Entry entry) {
        ctx.header("ETag", entry.etag());
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Encoding, Accept-Language, Cookie");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(entry.etag())) {
            ctx.status(304).result(new byte[0]);
            return;
        }
        ctx.status(200).contentType(entry.contentType());
        String accepts = ctx.header("Accept-Encoding");
        if (accepts != null && accepts.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip").result(entry.gzip());
        } else {
            ctx.result(entry.plain());
        }
    }

    private static byte[] gzip(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() / 5 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
