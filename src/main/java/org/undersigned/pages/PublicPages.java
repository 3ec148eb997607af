package org.undersigned.pages;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionStatus;
import org.undersigned.petition.Published;
import org.undersigned.web.Localization;

/**
 * Public pages and JSON, rendered once and kept in memory (gzipped too) until the petition's
 * public_version moves (database triggers move it whenever anything shown changes) or
 * {@link #MAX_AGE} passes (the form token inside ages, and opening times pass without a write).
 * Answers carry an ETag and a matching If-None-Match gets 304. Public pages show no session, so
 * every reader of a page, language and version gets the same bytes.
 *
 * <p>One reader renders a page at a time. Readers arriving meanwhile get the page as it was
 * before the change, or wait for the render when there is none: a big statement's page is
 * hundreds of KB, a crowd rendering it at once would run a small heap out of memory, and a stream
 * of confirmations moves the version many times a second. A reader who comes alone gets the
 * change at once. The key holds what the page depends on, not the query string: links shared on
 * social media carry a click id (fbclid, utm_*) that differs for each visitor, and the one query
 * parameter a public page reads, {@code lang}, is in the key as the languages it chose (an embed's
 * {@code compact} is, as its variant).
 */
public final class PublicPages {
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 256;
    private static final long MAX_BYTES = 32L << 20;
    /** How long a reader waits for another's render before rendering its own answer. */
    private static final Duration WAIT_FOR_RENDER = Duration.ofSeconds(10);
    private final Clock clock;
    /** Guards entries, bytes and rendering. */
    private final Object lock = new Object();
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private final Map<Key, CompletableFuture<Entry>> rendering = new HashMap<>();
    private final LongAdder renders = new LongAdder();

    /** The site settings' version (name, logo, colour, footer links): every page shows them, and is kept per version. */
    private final java.util.function.LongSupplier siteVersion;
    /** Reads the site settings afresh before a render: a change of them also moves the petition's version. */
    private final Runnable refreshSite;

    public PublicPages(Clock clock, java.util.function.LongSupplier siteVersion, Runnable refreshSite) {
        this.clock = clock;
        this.siteVersion = siteVersion;
        this.refreshSite = refreshSite;
    }

    /** What a page depends on besides its version. */
    private record Key(long petitionId, PetitionStatus status, String variant, String textLanguage, String locale, long siteVersion) {}

    private record Entry(long version, byte[] plain, byte[] gzip, String contentType, String etag, long createdAt) {
        long size() {
            return plain.length + gzip.length;
        }
    }

    /**
     * Serves the page from memory, or renders it with {@code render} and keeps it when it is a 200.
     * textLanguage: the language of the text this reader gets, which the page differs by.
     */
    public void serve(Context ctx, Published published, String textLanguage, String variant, Consumer<Context> render) {
        Petition petition = published.petition();
        long version = published.version();
        // the page differs by the version of the text the reader gets, not only by the interface language
        Key key = new Key(petition.id(), petition.status(), variant, textLanguage, Localization.of(ctx).toLanguageTag(),
                siteVersion.getAsLong());
        long now = clock.millis();
        CompletableFuture<Entry> pending = null;
        Entry kept;
        boolean current;
        synchronized (lock) {
            kept = entries.get(key);
            if (kept != null && now - kept.createdAt() > MAX_AGE.toMillis()) {
                forget(key);
                kept = null;
            }
            current = kept != null && kept.version() >= version; // a page kept from a later version is at least as new
            if (!current) {
                pending = rendering.get(key);
                if (pending == null) rendering.put(key, new CompletableFuture<>());
            }
        }
        Entry entry;
        if (current) {
            entry = kept;
        } else if (pending == null) {
            entry = render(ctx, key, version, render);
        } else if (kept != null) {
            entry = kept; // another reader is rendering the change; this one gets the page as it was
        } else {
            entry = await(pending);
            if (entry == null) render.accept(ctx); // that render failed, was not a 200, or took too long
        }
        if (entry != null) send(ctx, entry);
    }

    /** Pages rendered for the cache since the start (one per change and language is the norm). */
    public long renders() {
        return renders.sum();
    }

    /** Bytes the kept pages take (plain and gzipped). */
    public long bytes() {
        synchronized (lock) {
            return bytes;
        }
    }

    /** Renders into ctx and keeps the page when it is a 200; then lets the readers who waited have it. */
    private Entry render(Context ctx, Key key, long version, Consumer<Context> render) {
        Entry entry = null;
        try {
            refreshSite.run();
            render.accept(ctx);
            renders.increment();
            String body = ctx.result();
            if (ctx.status().getCode() == 200 && body != null) {
                long now = clock.millis();
                entry = new Entry(version, body.getBytes(StandardCharsets.UTF_8), gzip(body), ctx.res().getContentType(),
                        "\"p" + key.petitionId() + "-" + version + "-" + Integer.toHexString(key.hashCode()) + "-" + Long.toString(now, 36) + "\"",
                        now);
            }
            return entry;
        } finally {
            CompletableFuture<Entry> done;
            synchronized (lock) {
                if (entry != null) keep(key, entry);
                done = rendering.remove(key);
            }
            done.complete(entry);
        }
    }

    private static Entry await(CompletableFuture<Entry> pending) {
        try {
            return pending.get(WAIT_FOR_RENDER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Under the lock: keeps the entry, then lets go of the least recently used beyond the bounds. */
    private void keep(Key key, Entry entry) {
        forget(key);
        entries.put(key, entry);
        bytes += entry.size();
        Iterator<Entry> eldest = entries.values().iterator();
        while ((entries.size() > MAX_ENTRIES || bytes > MAX_BYTES) && eldest.hasNext()) {
            Entry evicted = eldest.next();
            if (evicted == entry) break;
            bytes -= evicted.size();
            eldest.remove();
        }
    }

    private void forget(Key key) {
        Entry gone = entries.remove(key);
        if (gone != null) bytes -= gone.size();
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
