package org.undersigned.petition;

import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;
import org.undersigned.web.Localization;

/**
 * Reads petitions as they stand now (opening and closing times applied). Drafts and embargoed
 * petitions do not exist for the public.
 */
public final class Petitions {
    private final Database database;
    private final Clock clock;
    /** kind/slug to the petition as stored and its translations, at a public_version; one entry per petition. */
    private final Map<String, Stored> cache = new HashMap<>();

    public Petitions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * A public petition by its address. Petitions and their translations are kept in memory and
     * read again only when their public_version moved (every change moves it, see V010/V021).
     */
    public Petition publicOne(Context ctx, String kind, String slug) {
        return current(ctx, kind, slug).map(s -> s.petition().at(clock.millis())).filter(Petition::isPublic)
                .orElseThrow(NotFoundResponse::new);
    }

    /** The version the public pages of this petition are at (it moves whenever anything they show changes). */
    public long version(Context ctx, Petition petition) {
        return current(ctx, petition.kind(), petition.slug()).map(Stored::version).orElse(-1L);
    }

    /**
     * The petition as it is now, asked of the database once per request: a public page needs it
     * three times (the petition, its version for the page cache, its translations), a sign-on
     * twice, and each time would be a query on the one connection every request shares.
     */
    private Optional<Stored> current(Context ctx, String kind, String slug) {
        String key = Stored.class.getName() + ":" + kind + "/" + slug;
        Optional<Stored> seen = ctx.attribute(key);
        if (seen != null) return seen;
        Optional<Stored> now = current(kind, slug);
        ctx.attribute(key, now);
        return now;
    }

    private Optional<Stored> current(String kind, String slug) {
        long version = database.publicVersion(kind, slug);
        if (version < 0) return Optional.empty();
        Stored stored = stored(kind + "/" + slug);
        if (stored != null && stored.version() == version) return Optional.of(stored);
        Optional<Stored> fresh = database.reads().withHandle(h -> h.attach(PetitionDao.class).find(kind, slug)
                .map(p -> new Stored(p, h.attach(TranslationDao.class).all(p.id()), version)));
        fresh.ifPresent(s -> {
            synchronized (cache) {
                cache.put(kind + "/" + slug, s);
            }
        });
        return fresh;
    }

    private Stored stored(String key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private List<Translation> translations(Context ctx, Petition petition) {
        Optional<Stored> stored = current(ctx, petition.kind(), petition.slug());
        if (stored.isPresent() && stored.get().petition().id() == petition.id()) return stored.get().translations();
        return database.reads().withExtension(TranslationDao.class, dao -> dao.all(petition.id()));
    }

    private record Stored(Petition petition, List<Translation> translations, long version) {}

    /** As stored, whatever its status and times: for coordinators. */
    public Optional<Petition> find(String kind, String slug) {
        return database.reads().withExtension(PetitionDao.class, dao -> dao.find(kind, slug));
    }

    /** The petition in the language this reader gets (see {@link Localization#textLanguage}), with its other languages. */
    public PetitionText forReader(Context ctx, Petition petition) {
        List<Translation> translations = translations(ctx, petition);
        List<String> languages = new ArrayList<>();
        languages.add(petition.lang());
        translations.stream().map(Translation::lang).filter(l -> !l.equals(petition.lang())).forEach(languages::add);
        String chosen = Localization.textLanguage(ctx, languages, petition.lang());
        Petition text = translations.stream().filter(t -> t.lang().equals(chosen)).findFirst().map(petition::in).orElse(petition);
        return new PetitionText(text, List.copyOf(languages));
    }

    /** The petition's words in this language if it has them, else as written; for mails and pages of one signer. */
    public static Petition in(Handle h, Petition petition, String lang) {
        if (lang == null || lang.equals(petition.lang())) return petition;
        return h.attach(TranslationDao.class).find(petition.id(), lang).map(petition::in).orElse(petition);
    }

    public List<String> languages(Petition petition) {
        List<String> languages = new ArrayList<>(List.of(petition.lang()));
        database.reads().withExtension(TranslationDao.class, dao -> dao.languages(petition.id())).stream()
                .filter(l -> !l.equals(petition.lang())).forEach(languages::add);
        return languages;
    }

    public List<Petition> open() {
        long now = clock.millis();
        return database.reads().withExtension(PetitionDao.class, PetitionDao::open).stream()
                .map(p -> p.at(now)).filter(Petition::isOpen).toList();
    }
}
