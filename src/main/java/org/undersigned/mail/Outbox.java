package org.undersigned.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.undersigned.db.Database;
import org.undersigned.db.Dialect;
import org.undersigned.db.Writer;

/** The durable queue of mail: written inside the caller's transaction, drained by {@link MailRelay}. */
public final class Outbox {
    private static final String INSERT = """
            INSERT INTO outbox (recipient, subject, text_body, html_body, headers, status, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)""";
    /** A draft: subject and bodies are rendered when it is sent. */
    private static final String INSERT_DRAFT = """
            INSERT INTO outbox (recipient, subject, text_body, html_body, headers, draft, status, next_attempt_at, created_at)
            VALUES (?, '', '', '', ?, ?, 'queued', ?, ?)""";
    /**
     * A batch is claimed and settled each in one statement. The ids go in as one JSON array, so
     * that it is always the same statement, kept prepared on the writer: with JDBI's list binding
     * each batch would be a new text to expand and compile on the single writer. ({@code +status}:
     * the rows are found by id, not by a walk over every queued one, which after a spike are many.)
     */
    static final String CLAIM = """
            UPDATE outbox SET status = 'sending', attempts = attempts + 1, claimed_until = ?
            WHERE id IN (SELECT value FROM json_each(?)) AND +status = 'queued'
            RETURNING id""";
    /**
     * On PostgreSQL, where several instances drain one outbox, the due rows are found and claimed
     * in one statement: rows another instance is claiming at that moment are skipped, not waited
     * for, so each instance takes a batch of its own and each mail is claimed by one of them.
     * (attempts as they were before this claim, as {@link OutboxDao#due} reads them.)
     */
    static final String TAKE_POSTGRESQL = """
            UPDATE outbox SET status = 'sending', attempts = attempts + 1, claimed_until = ?
            WHERE id IN (SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= ?
                         ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, recipient, subject, text_body, html_body, headers, attempts - 1 AS attempts, draft""";
    /**
     * The bodies hold secret links; once handed to the mail server they are not kept. (sent_at and
     * settled_at, the moment the mail log counts from, are the same moment, bound twice.)
     */
    static final String SENT = """
            UPDATE outbox SET status = 'sent', sent_at = ?, settled_at = ?, last_error = NULL, text_body = '', html_body = '', headers = '',
                              draft = NULL
            WHERE id IN (SELECT value FROM json_each(?))""";
    static final String SENT_POSTGRESQL = """
            UPDATE outbox SET status = 'sent', sent_at = ?, settled_at = ?, last_error = NULL, text_body = '', html_body = '', headers = '',
                              draft = NULL
            WHERE id = ANY (?)""";
    /** Rows forgotten per write: a few milliseconds of the single writer at a time. */
    private static final int PIECE = 500;
    private final Database database;
    private final boolean postgresql;
    /** How long a claimed mail is left to its instance before another may send it. */
    private final java.time.Duration claimLease;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Runnable onEnqueue = () -> {};

    public Outbox(Database database, Clock clock) {
        this(database, clock, java.time.Duration.ofMinutes(5));
    }

    public Outbox(Database database, Clock clock, java.time.Duration claimLease) {
        this.database = database;
        this.postgresql = database.dialect() == Dialect.POSTGRESQL;
        this.claimLease = claimLease;
        this.clock = clock;
    }

    /**
     * Call inside {@link Writer#write}: the mail exists exactly when the transaction commits. Plain
     * JDBC on a kept statement, since every sign-on runs it on the single writer thread.
     */
    public void enqueue(Handle handle, Mail mail) {
        long now = clock.millis();
        try {
            database.writer().statement(INSERT, mail.recipient(), mail.subject(), mail.text(), mail.html(), encode(mail.headers()), now, now)
                    .executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue the mail", e);
        }
        database.writer().afterCommit(onEnqueue);
    }

    /**
     * As {@link #enqueue(Handle, Mail)}, for a mail the relay renders when it sends it: a sign-on's
     * confirmation costs the request a few microseconds of JSON instead of two templates, and the
     * single writer a row of a few hundred bytes instead of a few kilobytes.
     */
    public void enqueue(Handle handle, Draft draft) {
        enqueue(handle, encode(draft));
    }

    /** A draft as its row holds it; see {@link #encode(Draft)}. */
    public record EncodedDraft(String recipient, String headers, String json) {}

    /**
     * The draft as its row will hold it, for a caller that prepares its mail before its write: the
     * JSON is then written on the caller's thread, not on the single writer's, whose time per
     * sign-on bounds the sign-ons per second.
     */
    public EncodedDraft encode(Draft draft) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("template", draft.template());
        stored.put("locale", draft.locale().toLanguageTag());
        stored.put("model", draft.model());
        try {
            return new EncodedDraft(draft.recipient(), encode(draft.headers()), json.writeValueAsString(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a mail's model holds something JSON cannot: " + e.getOriginalMessage(), e);
        }
    }

    /** As {@link #enqueue(Handle, Draft)}, the draft encoded before. */
    public void enqueue(Handle handle, EncodedDraft draft) {
        long now = clock.millis();
        database.writer().batch(INSERT_DRAFT, draft.recipient(), draft.headers(), draft.json(), now, now);
        database.writer().afterCommit(onEnqueue);
    }

    /** The draft a queued row holds, as {@link #enqueue(Handle, Draft)} stored it. */
    Draft draftOf(QueuedMail mail) {
        try {
            JsonNode stored = json.readTree(mail.draft());
            Map<String, Object> model = json.convertValue(stored.get("model"), new TypeReference<Map<String, Object>>() {});
            return new Draft(mail.recipient(), stored.get("template").asText(), Locale.forLanguageTag(stored.get("locale").asText()), model,
                    decode(mail.headers()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("mail " + mail.id() + " holds a draft that cannot be read", e);
        }
    }

    void onEnqueue(Runnable listener) {
        this.onEnqueue = listener;
    }

    /** Mails not yet handed off, counted exactly (one pass over their index entries). */
    public long depth() {
        return database.reads().withExtension(OutboxDao.class, OutboxDao::depth);
    }

    /** Mails not yet handed off, counted no further than {@code cap}. */
    public long depthUpTo(long cap) {
        return database.reads().withExtension(OutboxDao.class, dao -> dao.depthUpTo(cap));
    }

    /**
     * How long the most overdue mail has waited past its due time (zero when none is overdue): a
     * new mail is due when queued, a retry when its backoff ends. A retry waiting out its backoff
     * is not late, so a recipient's server that defers mail does not read as a relay that is stuck.
     */
    public java.time.Duration lag() {
        Long due = database.reads().withExtension(OutboxDao.class, OutboxDao::earliestDue);
        return due == null ? java.time.Duration.ZERO : java.time.Duration.ofMillis(Math.max(0, clock.millis() - due));
    }

    /** Up to {@code limit} mails that are due, claimed for this instance to send, oldest due first. */
    Claim take(int limit) {
        if (!postgresql) return claim(due(limit));
        long now = clock.millis();
        long until = now + claimLease.toMillis();
        List<QueuedMail> mails = database.writer().write(h -> {
            List<QueuedMail> taken = new java.util.ArrayList<>();
            try (ResultSet rows = database.writer().statement(TAKE_POSTGRESQL, until, now, limit).executeQuery()) {
                while (rows.next()) {
                    taken.add(new QueuedMail(rows.getLong("id"), rows.getString("recipient"), rows.getString("subject"),
                            rows.getString("text_body"), rows.getString("html_body"), rows.getString("headers"), rows.getInt("attempts"),
                            rows.getString("draft")));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot claim the mails", e);
            }
            taken.sort(java.util.Comparator.comparingLong(QueuedMail::id));
            return taken;
        });
        return new Claim(mails, until, now + claimLease.toMillis() / 2);
    }

    List<QueuedMail> due(int limit) {
        long now = clock.millis();
        return database.reads().withExtension(OutboxDao.class, dao -> dao.due(now, limit));
    }

    /**
     * Mails this instance claimed until {@code until}. It starts sending them only until
     * {@code sendBefore}, half-way through the claim, so that those it sent are marked sent before the
     * claim lapses: past that, another instance may take them ({@link #requeueLapsed}) and send them again.
     */
    record Claim(List<QueuedMail> mails, long until, long sendBefore) {}

    /** SQLite: marks the rows as being sent, in one transaction; the claim holds those no one else had taken. */
    Claim claim(List<QueuedMail> due) {
        long now = clock.millis();
        long until = now + claimLease.toMillis();
        List<QueuedMail> mails = database.writer().write(h -> {
            Set<Long> claimed = new HashSet<>();
            Object ids = ids(due.stream().map(QueuedMail::id).toList());
            try (ResultSet rows = database.writer().statement(CLAIM, until, ids).executeQuery()) {
                while (rows.next()) claimed.add(rows.getLong("id"));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot claim the mails", e);
            }
            return due.stream().filter(mail -> claimed.contains(mail.id())).toList();
        });
        return new Claim(mails, until, now + claimLease.toMillis() / 2);
    }

    /** Whether a mail of this claim may still be sent: false once half of the claim's time is gone. */
    boolean sendable(Claim claim) {
        return clock.millis() < claim.sendBefore();
    }

    /**
     * Records what became of a batch of this claim, in one transaction (the sent ones in one
     * statement); those not sent in time go back to the queue at once, unless they are no longer
     * this claim's.
     */
    void settle(Claim claim, List<Delivery> deliveries) {
        long now = clock.millis();
        database.writer().run(h -> {
            OutboxDao dao = h.attach(OutboxDao.class);
            List<Long> sent = deliveries.stream().filter(d -> d.outcome() == Delivery.Outcome.SENT).map(Delivery::id).toList();
            if (!sent.isEmpty()) {
                try {
                    database.writer().statement(postgresql ? SENT_POSTGRESQL : SENT, now, now, ids(sent)).executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot record the mails sent", e);
                }
            }
            List<Long> unsent = deliveries.stream().filter(d -> d.outcome() == Delivery.Outcome.UNSENT).map(Delivery::id).toList();
            if (!unsent.isEmpty()) dao.release(unsent, claim.until());
            for (Delivery d : deliveries) {
                if (d.outcome() == Delivery.Outcome.RETRY) dao.reschedule(d.id(), now + d.retryDelayMillis(), truncate(d.error()));
                if (d.outcome() == Delivery.Outcome.FAILED) dao.markFailed(d.id(), now, truncate(d.error()));
            }
        });
    }

    /** What happened to one mail: handed off, to be tried again later, given up, or not tried in its claim's time. */
    record Delivery(long id, Outcome outcome, long retryDelayMillis, String error) {
        enum Outcome { SENT, RETRY, FAILED, UNSENT }
    }

    /**
     * Forgets mail handed off or given up longer ago than {@code kept} (however long it waited
     * before), recipients included, in
     * pieces of {@link #PIECE} rows, each its own short write so sign-ons go on meanwhile. Mail
     * still waiting is never touched.
     */
    public int forgetSettled(java.time.Duration kept) {
        return forgetSettled(kept, PIECE);
    }

    /** As {@link #forgetSettled(java.time.Duration)}, in pieces of the given size. */
    int forgetSettled(java.time.Duration kept, int piece) {
        long before = clock.millis() - kept.toMillis();
        return database.writer().inPieces(piece, h -> h.attach(OutboxDao.class).forgetSettled(before, piece));
    }

    /**
     * At start: mail claimed by a relay that died mid-send goes out again (at least once, never
     * lost). On SQLite this instance is the only one, so every claim is an interrupted one; on
     * PostgreSQL only lapsed claims are, the others belong to instances still sending.
     */
    int requeueInterrupted() {
        return postgresql ? requeueLapsed() : database.writer().write(h -> h.attach(OutboxDao.class).requeueInterrupted());
    }

    /** Mail whose instance has held it past its claim, queued again for any instance to send. */
    public int requeueLapsed() {
        long now = clock.millis();
        return database.writer().write(h -> h.attach(OutboxDao.class).requeueLapsed(now));
    }

    /** The ids as a JSON array for json_each on SQLite, an array on PostgreSQL. */
    private Object ids(List<Long> ids) {
        if (postgresql) return ids.toArray(new Long[0]);
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    static String encode(Map<String, String> headers) {
        return headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> decode(String headers) {
        if (headers == null || headers.isBlank()) return Map.of();
        return headers.lines().map(line -> line.split(": ", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> b, java.util.LinkedHashMap::new));
    }

    private static String truncate(String error) {
        String e = error == null ? "unknown error" : error;
        return e.length() > 1000 ? e.substring(0, 1000) : e;
    }
}
