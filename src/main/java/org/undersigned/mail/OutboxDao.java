package org.undersigned.mail;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface OutboxDao {
    @SqlQuery("""
            SELECT id, recipient, subject, text_body, html_body, headers, attempts, draft
            FROM outbox
            WHERE status = 'queued' AND next_attempt_at <= :now
            ORDER BY next_attempt_at, id
            LIMIT :limit""")
    @RegisterConstructorMapper(QueuedMail.class)
    List<QueuedMail> due(long now, int limit);

    @SqlUpdate("UPDATE outbox SET status = 'queued', next_attempt_at = :next, last_error = :error WHERE id = :id")
    void reschedule(long id, long next, String error);

    @SqlUpdate("""
            UPDATE outbox SET status = 'failed', settled_at = :now, last_error = :error, text_body = '', html_body = '', headers = '', draft = NULL
            WHERE id = :id""")
    void markFailed(long id, long now, String error);

    /** Rows claimed by a relay that died mid-send go out again: at least once, never lost. */
    @SqlUpdate("UPDATE outbox SET status = 'queued', claimed_until = NULL WHERE status = 'sending'")
    int requeueInterrupted();

    /**
     * Claimed mails their instance did not get to send in time: queued again, unless the claim
     * (known by its end) lapsed meanwhile and they were queued again or taken by another instance.
     */
    @SqlUpdate("""
            UPDATE outbox SET status = 'queued', claimed_until = NULL, attempts = attempts - 1
            WHERE id IN (<ids>) AND status = 'sending' AND claimed_until = :until""")
    int release(@BindList("ids") List<Long> ids, long until);

    /** Claims that lapsed: their instance died, or has been sending far longer than any mail takes. */
    @SqlUpdate("UPDATE outbox SET status = 'queued', claimed_until = NULL WHERE status = 'sending' AND claimed_until < :now")
    int requeueLapsed(long now);

    /**
     * The mail log: each mail handed off or given up stays a while after it settled, for "did my
     * mail go out?", then goes with its recipient's address, a limited number at a time (the
     * outbox_settled index; a waiting mail has no settled_at).
     */
    @SqlUpdate("""
            DELETE FROM outbox WHERE id IN (
                SELECT id FROM outbox WHERE status IN ('sent', 'failed') AND settled_at <= :before LIMIT :limit)""")
    int forgetSettled(long before, int limit);

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending')")
    long depth();

    /** Waiting mails counted no further than {@code cap}: bounded work for a health check polled every few seconds. */
    @SqlQuery("SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE status IN ('queued', 'sending') LIMIT :cap) AS waiting")
    long depthUpTo(long cap);

    /**
     * When the most overdue waiting mail was due: one probe of outbox_due per status, however long
     * the queue (the oldest created_at would read every waiting row, seconds' work after a spike).
     */
    @SqlQuery("""
            SELECT MIN(due) FROM (SELECT MIN(next_attempt_at) AS due FROM outbox WHERE status = 'queued'
                                  UNION ALL
                                  SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'sending') AS waiting""")
    Long earliestDue();
}
