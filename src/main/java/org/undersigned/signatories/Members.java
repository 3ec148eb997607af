package org.undersigned.signatories;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.imports.ImportFile;
import org.undersigned.mail.Draft;
import org.undersigned.mail.Outbox;
import org.undersigned.petition.Petition;
import org.undersigned.tokens.Tokens;
import org.undersigned.web.Localization;

/**
 * The network's member roster: an admin's upload replaces it, and a statement's listed sign-ons are
 * matched to it by website or mail domain ({@link DuplicateKeys}, the one rule for an organisation's
 * domain) each time it is read, so the count follows imports, merges and withdrawals.
 */
public final class Members implements org.undersigned.statement.MemberTally {
    static final int MAX_MEMBERS = 5_000;
    static final int MAX_BYTES = 2 * 1024 * 1024;

    public record Member(String id, String name, String country, String website, String email, Long optedOutAt) {
        /** The domains that identify this member; empty for webmail and shared sites. */
        Set<String> keys() {
            Set<String> keys = new HashSet<>();
            keys.add(DuplicateKeys.website(website));
            keys.add(DuplicateKeys.emailDomain(email));
            keys.remove("");
            return keys;
        }
    }

    /** A row that was refused, with the message key saying why. */
    public record Problem(long line, String messageKey) {}

    /** What an upload read: the members, or the problems that kept the roster as it was. */
    public record Parsed(List<Member> members, List<Problem> problems) {}

    /** How many members signed a statement, of how many, and which listed sign-ons are members'. */
    public record Progress(int signed, int total, Set<Long> memberSignatures) {}

    private final Database database;
    private final Audit audit;
    private final Outbox outbox;
    private final Tokens tokens;
    private final Clock clock;
    private final String baseUrl;

    public Members(Database database, Audit audit, Outbox outbox, Tokens tokens, Clock clock, String baseUrl) {
        this.database = database;
        this.audit = audit;
        this.outbox = outbox;
        this.tokens = tokens;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public List<Member> all() {
        return database.reads().withHandle(h -> h.createQuery("""
                SELECT id, name, country, website, email, opted_out_at FROM members ORDER BY position""")
                .map((rs, c) -> new Member(rs.getString("id"), rs.getString("name"), rs.getString("country"), rs.getString("website"),
                        rs.getString("email"), (Long) rs.getObject("opted_out_at") == null ? null : rs.getLong("opted_out_at")))
                .list());
    }

    /** Reads a roster file: a header row naming the columns is optional (else name, country, website, email). */
    static Parsed parse(byte[] bytes) {
        List<ImportFile.Line> lines = ImportFile.lines(bytes, MAX_MEMBERS + 2);
        int[] columns = {0, 1, 2, 3};
        int first = 0;
        if (!lines.isEmpty() && header(lines.get(0).cells(), columns)) first = 1;
        List<Member> members = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ImportFile.Line line : lines.subList(first, lines.size())) {
            String name = cell(line.cells(), columns[0]);
            String country = cell(line.cells(), columns[1]).toUpperCase(Locale.ROOT);
            String website = cell(line.cells(), columns[2]);
            String email = cell(line.cells(), columns[3]);
            if (name.isEmpty()) problems.add(new Problem(line.line(), "members.problem.name"));
            else if (name.length() > 300) problems.add(new Problem(line.line(), "members.problem.name_long"));
            else if (!country.isEmpty() && !country.matches("[A-Z]{2}")) problems.add(new Problem(line.line(), "members.problem.country"));
            else if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) problems.add(new Problem(line.line(), "members.problem.email"));
            else if (website.length() > 500 || email.length() > 320) problems.add(new Problem(line.line(), "members.problem.long"));
            else members.add(new Member(UUID.randomUUID().toString(), name, country, website, email, null));
        }
        if (members.size() > MAX_MEMBERS) problems.add(new Problem(0, "members.problem.too_many"));
        if (members.isEmpty() && problems.isEmpty()) problems.add(new Problem(0, "members.problem.empty"));
        return new Parsed(members, problems);
    }

    private static final Map<String, Integer> HEADERS = Map.ofEntries(Map.entry("name", 0), Map.entry("nom", 0), Map.entry("nombre", 0),
            Map.entry("organisation", 0), Map.entry("organization", 0), Map.entry("organización", 0), Map.entry("country", 1),
            Map.entry("pays", 1), Map.entry("país", 1), Map.entry("pais", 1), Map.entry("website", 2), Map.entry("site", 2),
            Map.entry("web", 2), Map.entry("url", 2), Map.entry("site web", 2), Map.entry("sitio web", 2), Map.entry("email", 3),
            Map.entry("e-mail", 3), Map.entry("contact email", 3), Map.entry("courriel", 3), Map.entry("correo", 3),
            Map.entry("correo electrónico", 3), Map.entry("mail", 3));

    /** Whether the row names columns; if so, where each one is. */
    private static boolean header(List<String> cells, int[] columns) {
        int[] found = {-1, -1, -1, -1};
        for (int i = 0; i < cells.size(); i++) {
            Integer field = HEADERS.get(cells.get(i).trim().toLowerCase(Locale.ROOT));
            if (field != null && found[field] < 0) found[field] = i;
        }
        if (found[0] < 0) return false;
        for (int f = 0; f < 4; f++) columns[f] = found[f];
        return true;
    }

    private static String cell(List<String> cells, int column) {
        return column < 0 || column >= cells.size() || cells.get(column) == null ? "" : cells.get(column).trim();
    }

    /** Replaces the roster; opt-outs carry over to a member with the same email, so an upload never undoes one. */
    public void replace(Coordinator me, List<Member> members) {
        long now = clock.millis();
        database.writer().run(h -> {
            Set<String> optedOut = new HashSet<>(h.createQuery("SELECT lower(email) FROM members WHERE opted_out_at IS NOT NULL")
                    .mapTo(String.class).list());
            h.createUpdate("DELETE FROM members").execute();
            int position = 0;
            for (Member m : members) {
                h.createUpdate("""
                        INSERT INTO members (id, position, name, country, website, email, opted_out_at, created_at)
                        VALUES (:id, :position, :name, :country, :website, :email, :optedOut, :now)""")
                        .bind("id", m.id()).bind("position", position++).bind("name", m.name()).bind("country", m.country())
                        .bind("website", m.website()).bind("email", m.email())
                        .bind("optedOut", !m.email().isEmpty() && optedOut.contains(m.email().toLowerCase(Locale.ROOT)) ? now : null)
                        .bind("now", now).execute();
            }
            // the public count of every statement that shows it changes with the roster: its cached pages must go
            h.createUpdate("UPDATE petitions SET public_version = public_version + 1 WHERE members_public = TRUE").execute();
            audit.record(h, me.id(), me.email(), "members_upload", "/admin/members", String.valueOf(members.size()));
        });
    }

    /** The statement's listed sign-ons matched to the roster, read now. */
    public Progress progress(Petition petition) {
        return progress(petition.id());
    }

    private Progress progress(long petitionId) {
        List<Member> members = all();
        record Signed(long id, String website, String email) {}
        List<Signed> signed = database.reads().withHandle(h -> h.createQuery("""
                SELECT id, website, email FROM signatures WHERE petition_id = :petitionId AND state = 'listed'""")
                .bind("petitionId", petitionId)
                .map((rs, c) -> new Signed(rs.getLong("id"), rs.getString("website"), rs.getString("email"))).list());
        Set<String> memberKeys = new HashSet<>();
        members.forEach(m -> memberKeys.addAll(m.keys()));
        Set<String> signedKeys = new HashSet<>();
        Set<Long> memberSignatures = new HashSet<>();
        for (Signed s : signed) {
            for (String key : new String[] {DuplicateKeys.website(s.website()), DuplicateKeys.emailDomain(s.email())}) {
                if (key.isEmpty()) continue;
                signedKeys.add(key);
                if (memberKeys.contains(key)) memberSignatures.add(s.id());
            }
        }
        int count = (int) members.stream().filter(m -> m.keys().stream().anyMatch(signedKeys::contains)).count();
        return new Progress(count, members.size(), memberSignatures);
    }

    @Override
    public Optional<Tally> shown(long petitionId) {
        boolean chosen = database.reads().withHandle(h -> h.createQuery("SELECT members_public FROM petitions WHERE id = :id")
                .bind("id", petitionId).mapTo(Boolean.class).findOne().orElse(false));
        if (!chosen) return Optional.empty();
        Progress progress = progress(petitionId);
        return progress.total() == 0 ? Optional.empty() : Optional.of(new Tally(progress.signed(), progress.total()));
    }

    public boolean shownInPublic(Petition petition) {
        return database.reads().withHandle(h -> h.createQuery("SELECT members_public FROM petitions WHERE id = :id")
                .bind("id", petition.id()).mapTo(Boolean.class).one());
    }

    /** Shows the count on the public page or stops; updating the petition moves its public version (V010), so cached pages follow. */
    public void showInPublic(Coordinator me, Petition petition, boolean shown) {
        database.writer().run(h -> {
            h.createUpdate("UPDATE petitions SET members_public = :shown WHERE id = :id").bind("shown", shown).bind("id", petition.id()).execute();
            audit.record(h, me.id(), me.email(), "members_public", petition.path(), shown ? "on" : "off");
        });
    }

    /** When this statement's reminder went out, if it did. */
    public Optional<Long> reminderSent(Petition petition) {
        return database.reads().withHandle(h -> h.createQuery("SELECT sent_at FROM member_reminders WHERE petition_id = :id")
                .bind("id", petition.id()).mapTo(Long.class).findOne());
    }

    /**
     * Mails the members who have not signed and have an address and did not opt out, once per
     * statement: the reminder's row is the lock, so a second press (or a second instance) sends nothing.
     * Returns how many mails were queued, or empty when the reminder had already gone out.
     */
    public Optional<Integer> remind(Coordinator me, Petition petition, Locale locale) {
        List<Member> members = all();
        Set<String> signedKeys = signedKeys(petition);
        long now = clock.millis();
        return database.writer().write(h -> {
            int inserted = h.createUpdate("""
                    INSERT INTO member_reminders (petition_id, coordinator_id, sent_at) SELECT :id, :me, :now
                    WHERE NOT EXISTS (SELECT 1 FROM member_reminders WHERE petition_id = :id)""")
                    .bind("id", petition.id()).bind("me", me.id()).bind("now", now).execute();
            if (inserted == 0) return Optional.<Integer>empty();
            int sent = 0;
            for (Member m : members) {
                if (m.email().isEmpty() || m.optedOutAt() != null || m.keys().stream().anyMatch(signedKeys::contains)) continue;
                String token = tokens.next();
                h.createUpdate("UPDATE members SET opt_out_hash = :hash WHERE id = :id").bind("hash", Tokens.hash(token))
                        .bind("id", m.id()).execute();
                Map<String, Object> model = new java.util.HashMap<>();
                model.put("title", petition.title());
                model.put("name", m.name());
                model.put("petitionUrl", Localization.link(baseUrl + petition.path(), locale));
                model.put("optOutUrl", baseUrl + "/members/opt-out/" + token);
                outbox.enqueue(h, new Draft(m.email(), "member_reminder", locale, model, Map.of()));
                sent++;
            }
            audit.record(h, me.id(), me.email(), "members_remind", petition.path(), String.valueOf(sent));
            return Optional.of(sent);
        });
    }

    private Set<String> signedKeys(Petition petition) {
        Set<String> keys = new HashSet<>();
        database.reads().useHandle(h -> h.createQuery("""
                SELECT website, email FROM signatures WHERE petition_id = :petitionId AND state = 'listed'""")
                .bind("petitionId", petition.id()).map((rs, c) -> {
                    keys.add(DuplicateKeys.website(rs.getString("website")));
                    keys.add(DuplicateKeys.emailDomain(rs.getString("email")));
                    return 0;
                }).list());
        keys.remove("");
        return keys;
    }

    /** One click from a reminder: the member gets no more. False for an unknown link. */
    public boolean optOut(String token) {
        long now = clock.millis();
        return database.writer().write(h -> h.createUpdate("""
                UPDATE members SET opted_out_at = COALESCE(opted_out_at, :now) WHERE opt_out_hash = :hash""")
                .bind("now", now).bind("hash", Tokens.hash(token)).execute() > 0);
    }
}
