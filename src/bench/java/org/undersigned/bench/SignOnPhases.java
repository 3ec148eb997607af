package org.undersigned.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Phases 2, 2b and 2c: new sign-ons at full load, the same addresses again, and the confirmation links they were mailed. */
final class SignOnPhases {
    /** The start of phase 2's addresses, whose confirmation links phase 2c follows. */
    static final String SIGN_ON_PREFIX = "full";
    private final Bench bench;
    private final CeilingPhase ceilings;

    SignOnPhases(Bench bench, CeilingPhase ceilings) {
        this.bench = bench;
        this.ceilings = ceilings;
    }

    // 2. full sign-ons
    void signOns(Server server, int seconds) throws Exception {
        String prefix = SIGN_ON_PREFIX;
        Path lua = bench.signOnScript(server, prefix, 0);
        Bench.say("2. sign-ons for " + seconds + " s");
        double sentBefore = server.metric("undersigned_mail_sent_total");
        String newOnes = "undersigned_sign_ons_total{kind=\"statement\",outcome=\"new\"}";
        double storedBefore = server.metric(newOnes);
        double busyBefore = server.metric("undersigned_db_writer_busy_seconds_total");
        double commitsBefore = server.metric("undersigned_db_commits_total");
        double writesBefore = server.metric("undersigned_db_writes_total");
        double cpuBefore = server.cpuSeconds();
        Map<String, Double> partsBefore = server.cpuByPart();
        long[] ioBefore = server.writerIo();
        Wrk w = bench.wrk(64, seconds, lua, server.base());
        long[] io = server.writerIo();
        double cpu = server.cpuSeconds() - cpuBefore;
        Map<String, Double> parts = server.cpuByPart();
        bench.figure("   the server's processor time meanwhile", String.format("%.2f of %d cores, %.2f ms per sign-on (the rest went to wrk and the kernel)",
                cpu / seconds, Runtime.getRuntime().availableProcessors(), 1000 * cpu / Math.max(1, w.requests())));
        bench.figure("   where it went, ms per sign-on", parts.keySet().stream()
                .map(part -> String.format("%s %.2f", part, 1000 * (parts.get(part) - partsBefore.getOrDefault(part, 0.0)) / Math.max(1, w.requests())))
                .collect(Collectors.joining(", ")));
        double stored = server.metric(newOnes) - storedBefore;
        bench.figure("   the single writer meanwhile", String.format("busy %.0f%% of the time, %.1f writes per commit (fsync)",
                100 * (server.metric("undersigned_db_writer_busy_seconds_total") - busyBefore) / seconds,
                (server.metric("undersigned_db_writes_total") - writesBefore) / Math.max(1, server.metric("undersigned_db_commits_total") - commitsBefore)));
        double perSignOn = Math.max(1, w.requests());
        bench.figure("   the writer's file I/O per sign-on (not noisy)", String.format("%.1f KB written in %.1f calls, %.1f KB read in %.1f calls",
                (io[1] - ioBefore[1]) / 1024.0 / perSignOn, (io[3] - ioBefore[3]) / perSignOn,
                (io[0] - ioBefore[0]) / 1024.0 / perSignOn, (io[2] - ioBefore[2]) / perSignOn));
        bench.figure("2. full organisation sign-ons, 64 connections", w.summary());
        bench.figure("   ratio to the ceilings (no-op POST / raw inserts)", String.format("%.0f%% / %.0f%%",
                100 * w.rps() / ceilings.noop(), 100 * w.rps() / ceilings.inserts()));
        bench.figure("   sign-ons stored (new, each with its mail queued)", String.format("%.0f stored, %d answered 200", stored, w.requests() - w.non2xx()));
        mailSentDuringSignOns = server.metric("undersigned_mail_sent_total") - sentBefore;
        repeats(server, seconds, prefix, (long) (0.45 * stored));
    }

    /**
     * 2b. the phase-2 addresses sign again, as people do when the confirmation is slow to come:
     * nothing new is stored; each repeat mails the link again, up to five mails per address.
     * Each wrk thread stays within the addresses it signed on in phase 2 (about half of them each).
     */
    void repeats(Server server, int seconds, String prefix, long perThread) throws Exception {
        Path lua = bench.signOnScript(server, prefix, 0, perThread);
        String repeat = "undersigned_sign_ons_total{kind=\"statement\",outcome=\"repeat\"}";
        double repeatsBefore = server.metric(repeat);
        Timed run = Timed.run(bench, server, seconds, lua);
        bench.figure("2b. the same addresses again (repeat sign-ons), 64 connections", run.wrk().summary());
        bench.figure("   repeats counted; server processor time per repeat", String.format("%.0f repeats; %.2f ms, of which the writer %.2f ms",
                server.metric(repeat) - repeatsBefore, run.msPerRequest(), run.writerMsPerRequest()));
    }

    private double mailSentDuringSignOns;

    /** Mail sent while phase 2 ran, for phase 5a's figure. */
    double mailSentDuringSignOns() {
        return mailSentDuringSignOns;
    }

    /**
     * 2c. the links in the mails of phase 2, each POSTed once as the confirm page's form does
     * (after a JIT warm-up on the links of the warm-up's sign-ons): the second half of every
     * supporter's way in, and a write of its own, with the "thanks" mail.
     */
    void confirmations(Server server, SmtpSink smtp, int seconds) throws Exception {
        List<String> warmTokens = smtp.confirmTokens("warm-");
        List<String> tokens = smtp.confirmTokens(SIGN_ON_PREFIX + "-");
        if (warmTokens.isEmpty() || tokens.isEmpty()) throw new IllegalStateException("the sink kept no confirmation links");
        String formToken = SignOnScripts.formToken(bench.get(server.base() + "/confirm/" + tokens.get(0)), "the confirm page");
        bench.wrk(64, Math.max(10, seconds), bench.confirmScript("confirm-warm", warmTokens, formToken), server.base());
        server.awaitEmptyOutbox();
        Path lua = bench.confirmScript("confirm", tokens, formToken);
        String confirmed = "undersigned_confirmations_total{kind=\"statement\"}";
        double confirmedBefore = server.metric(confirmed);
        Timed run = Timed.run(bench, server, seconds, lua);
        bench.figure("2c. confirmations (phase 2's links, each once), 64 connections", run.wrk().summary());
        bench.figure("   confirmed; server processor time per confirmation", String.format("%.0f of %d links; %.2f ms, of which the writer %.2f ms",
                server.metric(confirmed) - confirmedBefore, tokens.size(), run.msPerRequest(), run.writerMsPerRequest()));
    }
}
