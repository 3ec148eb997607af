package org.undersigned.petition;

import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;
import org.undersigned.db.Dialect;

/**
 * Reads petitions as they stand now (opening and closing times applied). Drafts and embargoed
 * petitions do not exist for the public.
 */
public final class Petitions implements AutoCloseable {
    private final Database database;
    private final Clock clock;
    private final PublicVersions.Lanes versions;
    /** kind/slug to the petition as stored and its translations, at a public_version; one entry per petition. */
    private final Map<String, Published> cache = new HashMap<>();

    public Petitions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        // SQLite answers in microseconds on one connection; PostgreSQL's round trips need a few
        this.versions = new PublicVersions.Lanes(database::openConnection, database.dialect() == Dialect.POSTGRESQL ? 4 : 1);
    }

    /**
     * A public petition by its address, or 404. Petitions and their translations are kept in memory
     * and read again only when their public_version moved (every change moves it, see V010/V021).
     */
    public Published publicOne(Kind kind, String slug) {
        Published now = current(kind, slug).orElseThrow(NotFoundResponse::new).at(clock.millis());
        if (!now.petition().isPublic()) throw new NotFoundResponse();
        return now;
    }

    private Optional<Published> current(Kind kind, String slug) {
        long version = versions.of(kind, slug);
        if (version < 0) return Optional.empty();
        String key = kind.code() + "/" + slug;
        Published stored;
        synchronized (cache) {
            stored = cache.get(key);
        }
        if (stored != null && stored.version() == version) return Optional.of(stored);
        Optional<Published> fresh = database.reads().withHandle(h -> h.attach(PetitionDao.class).find(kind.code(), slug)
                .map(p -> Published.of(p, h.attach(TranslationDao.class).all(p.id()), Questions.asked(h, p.id()), version)));
        fresh.ifPresent(s -> {
            synchronized (cache) {
                cache.put(key, s);
            }
        });
        return fresh;
    }

    /**
     * For a coordinator's preview (the caller checks who may see it): the petition whatever its
     * status, as it will stand once open, its translations included.
     */
    public Optional<Published> preview(Kind kind, String slug) {
        return current(kind, slug).map(Published::opened);
    }

    /** As stored, whatever its status and times: for coordinators. */
    public Optional<Petition> find(Kind kind, String slug) {
        return database.reads().withExtension(PetitionDao.class, dao -> dao.find(kind.code(), slug));
    }

    /** The petition's words in this language if it has them, else as written; for mails and pages of one signer. */
    public static Petition in(Handle h, Petition petition, String lang) {
        if (lang == null || lang.equals(petition.lang())) return petition;
        return translation(h, petition.id(), lang).map(petition::in).orElse(petition);
    }

    /** Inside a transaction: the petition as stored, whatever its status. */
    public static Optional<Petition> byId(Handle h, long id) {
        return h.attach(PetitionDao.class).byId(id);
    }

    /** Inside a transaction: how many have signed it, whatever their state (its slug is fixed once anyone has). */
    public static long signatureCount(Handle h, long petitionId) {
        return h.attach(PetitionDao.class).signatureCount(petitionId);
    }

    /** Inside a transaction: who hears about a petition (digests, alerts). */
    public static List<String> coordinatorEmails(Handle h, long petitionId) {
        return h.attach(PetitionCoordinators.class).emails(petitionId);
    }

    /** Every question of the petition, removed ones included (their answers are kept): for its coordinators. */
    public List<Question> questions(long petitionId) {
        return database.reads().withHandle(h -> Questions.all(h, petitionId));
    }

    /** A coordinator who hears about a petition, and the language (en, fr, es) their mails come in. */
    public record Recipient(String email, String language) {
        public java.util.Locale locale() {
            return java.util.Locale.forLanguageTag(language);
        }
    }

    /** As {@link #coordinatorEmails}, each with their language. */
    public static List<Recipient> coordinatorRecipients(Handle h, long petitionId) {
        return h.attach(PetitionCoordinators.class).recipients(petitionId);
    }

    /** Its text in one more language, if it has it. */
    public Optional<Translation> translation(long petitionId, String lang) {
        return database.reads().withHandle(h -> translation(h, petitionId, lang));
    }

    public static Optional<Translation> translation(Handle h, long petitionId, String lang) {
        return h.attach(TranslationDao.class).find(petitionId, lang);
    }

    public List<Translation> translations(long petitionId) {
        return database.reads().withExtension(TranslationDao.class, dao -> dao.all(petitionId));
    }

    /** Inside a transaction: adds or replaces a translation. */
    public static void save(Handle h, Translation translation) {
        h.attach(TranslationDao.class).save(translation);
    }

    /** Inside a transaction: removes a translation; false when there was none. */
    public static boolean deleteTranslation(Handle h, long petitionId, String lang) {
        return h.attach(TranslationDao.class).delete(petitionId, lang) > 0;
    }

    public List<Petition> open() {
        long now = clock.millis();
        return database.reads().withExtension(PetitionDao.class, PetitionDao::open).stream()
                .map(p -> p.at(now)).filter(Petition::isOpen).toList();
    }

    /** The petitions closed by now (by hand or by their closing time), the most recently closed first. */
    public List<Petition> closed() {
        long now = clock.millis();
        return database.reads().withExtension(PetitionDao.class, PetitionDao::published).stream()
                .map(p -> p.at(now)).filter(Petition::isClosed)
                .sorted(java.util.Comparator.comparingLong((Petition p) -> p.closedAt() == null ? p.createdAt() : p.closedAt()).reversed())
                .toList();
    }

    /** Listed signatures of each petition: what the home page's cards count. */
    public java.util.Map<Long, Long> listedCounts(List<Petition> shown) {
        if (shown.isEmpty()) return java.util.Map.of();
        List<Long> ids = shown.stream().map(Petition::id).toList();
        return database.reads().withExtension(PetitionDao.class, dao -> dao.listedCounts(ids));
    }

    @Override
    public void close() {
        versions.close();
    }
}
