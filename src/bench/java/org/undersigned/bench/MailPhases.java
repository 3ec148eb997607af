package org.undersigned.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Phases 5a and 5b: the outbox drained after the spike, and the delay from sign-on to hand-off at a steady 500 a second. */
final class MailPhases {
    private final Bench bench;

    MailPhases(Bench bench) {
        this.bench = bench;
    }

    // 5a. outbox drain rate: the backlog the sign-ons left, and what was sent meanwhile
    void drain(Server server, Path data, double mailSentDuringSignOns) throws Exception {
        long start = System.currentTimeMillis();
        double sentAtStart = server.metric("undersigned_mail_sent_total");
        double backlog = server.metric("undersigned_outbox_depth");
        while (server.metric("undersigned_outbox_depth") > 0 && System.currentTimeMillis() - start < 600_000) Thread.sleep(200);
        double seconds = (System.currentTimeMillis() - start) / 1000.0;
        double sent = server.metric("undersigned_mail_sent_total") - sentAtStart;
        bench.figure("5a. outbox drain to a local SMTP server", String.format("%.0f mails/s (backlog of %.0f drained in %.1f s; %.0f sent during the sign-ons)",
                sent / Math.max(seconds, 0.001), backlog, seconds, mailSentDuringSignOns));
        // what the spike's senders waited for their mail: the relay rests while sign-ons queue, so most of it goes out after the spike
        List<Long> waits = handOffDelays(data, SignOnPhases.SIGN_ON_PREFIX);
        bench.figure("   phase 2 and 2b's mails, from sign-on to hand-off", String.format("p50 %.1f s, p99 %.1f s, max %.1f s over %d mails",
                waits.get(waits.size() / 2) / 1000.0, waits.get((int) (waits.size() * 0.99)) / 1000.0, waits.get(waits.size() - 1) / 1000.0,
                waits.size()));
        bench.peak(server);
    }

    // 5b. delay from sign-on to hand-off at 500 sign-ons a second
    void mailDelay(Server server, int seconds, Path data) throws Exception {
        server.awaitEmptyOutbox();
        Path paced = bench.signOnScript(server, "p500", 35); // 20 connections, each pausing 35 ms: about 500 a second at 5 ms latency
        Wrk w = bench.wrk(20, seconds, paced, server.base());
        server.awaitEmptyOutbox();
        List<Long> delays = handOffDelays(data, "p500");
        bench.figure("5b. sign-on to mail hand-off at " + Math.round(w.rps()) + " sign-ons/s", String.format("p50 %d ms, p99 %d ms, max %d ms over %d mails",
                delays.get(delays.size() / 2), delays.get((int) (delays.size() * 0.99)), delays.get(delays.size() - 1), delays.size()));
        bench.peak(server);
    }

    /** Milliseconds from queueing to hand-off of each mail sent to the addresses a sign-on script made with this prefix, in order. */
    static List<Long> handOffDelays(Path data, String prefix) throws Exception {
        return handOffDelays(Server.sqliteUrl(data), prefix);
    }

    static List<Long> handOffDelays(String databaseUrl, String prefix) throws Exception {
        List<Long> delays = new ArrayList<>();
        try (Connection db = PagePhases.open(databaseUrl);
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT sent_at - created_at FROM outbox WHERE recipient LIKE '" + prefix + "-%' AND status = 'sent' ORDER BY 1")) {
            while (rows.next()) delays.add(rows.getLong(1));
        }
        if (delays.isEmpty()) throw new IllegalStateException("no mail to " + prefix + "-... was sent");
        return delays;
    }
}
