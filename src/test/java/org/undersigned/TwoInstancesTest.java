package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.Browser;
import org.undersigned.support.Form;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.ServerProcess;
import org.undersigned.support.SlowLink;
import org.undersigned.support.TestDatabase;
import org.undersigned.support.Wait;

/**
 * Two instances on one PostgreSQL database behind a round-robin client, one of them killed with
 * SIGKILL in the middle of the sign-ons and started again later: what people see (their mail, the
 * count) is as if one server had done it all.
 */
@Tag("postgresql")
class TwoInstancesTest {
    private static final String SLUG = "two-instances";
    private static final String CAMPAIGN = "/campaigns/" + SLUG;
    private static final String DOMAIN = "@two.example.org";
    private static final String COORDINATOR = "coordinator" + DOMAIN;
    private static final int SIGN_ONS = 2000;
    /** Acknowledged sign-ons before the kill: the middle. */
    private static final int KILL_AFTER = SIGN_ONS / 2;
    private static final int CLIENTS = 8;
    /** First-time signers who never confirm, and get their one reminder instead. */
    private static final int LEFT_PENDING = 40;
    /** SignOn.MAX_MAILS: a signature's mails, the first confirmation and those its repeats asked for. */
    private static final int MAX_MAILS = 5;
    private static final Duration PHASE = Duration.ofSeconds(60);

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    java.nio.file.Path dir;
    private final long began = System.nanoTime();
    private final List<ServerProcess> started = new ArrayList<>();
    private final Mailbox mailbox = new Mailbox(greenMail);
    private final Map<String, Browser> instances = new ConcurrentHashMap<>();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile boolean aDead;
    private SlowLink slowLink;
    private String url;
    private Jdbi db;
    private long petitionId;

    /** What the client did with one address: sign-ons sent, those answered "check your email", which instance answered first. */
    private static final class Tally {
        int attempts;
        int acknowledged;
        String firstTaker;
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        for (ServerProcess server : started) server.kill();
        if (slowLink != null) slowLink.close();
        if (url != null) TestDatabase.release(url);
    }

    @Test
    void two_instances_behind_a_round_robin_lose_nothing_and_double_nothing_when_one_is_killed() throws Exception {
        url = TestDatabase.url(dir.resolve("unused.db"));
        db = TestDatabase.jdbi(url);
        petitionId = openCampaign();
        Map<String, String> env = Map.of("DATABASE_URL", url, "DEMO_DATA", "false",
                "SMTP_HOST", "localhost", "SMTP_PORT", String.valueOf(greenMail.getSmtp().getPort()), "SMTP_TRANSPORT", "plain",
                "HOUSEKEEPING_SECONDS", "1", "MAIL_CLAIM_SECONDS", "5", "MAIL_RETRY_BASE_SECONDS", "1", "REMINDER_AFTER_HOURS", "1");
        // A reaches the mail server over a slow link: it always has mail in hand, some of it sent and not yet marked so
        slowLink = new SlowLink(greenMail.getSmtp().getPort(), Duration.ofMillis(10));
        Map<String, String> envA = new HashMap<>(env);
        envA.put("SMTP_PORT", String.valueOf(slowLink.port()));
        // both at once, as a deployment starts them: each makes the site's secrets if they are missing
        CompletableFuture<ServerProcess> startingA = CompletableFuture.supplyAsync(() -> start("a", envA));
        ServerProcess b = start("b", env);
        ServerProcess a = startingA.join();
        instances.put("A", new Browser(a.base));
        instances.put("B", new Browser(b.base));
        report("A and B started");

        Map<Long, String> inHandWhenKilled = signOnsWithAKilledHalfway(a);
        // A comes back on the same database, as its supervisor would restart it, while the mail settles
        CompletableFuture<ServerProcess> restartingA = CompletableFuture.supplyAsync(() -> start("a2", env));
        Map<String, List<ReceivedMail>> confirmations = eachSignOnStoredOnceAndMailedByTheRules(inHandWhenKilled);
        instances.put("A", new Browser(restartingA.join().base));

        List<String> firstTimers = new ArrayList<>(new TreeSet<>(confirmations.keySet()));
        firstTimers.retainAll(acknowledgedAddresses());
        List<String> pending = List.copyOf(firstTimers.subList(firstTimers.size() - LEFT_PENDING, firstTimers.size()));
        List<String> confirmed = List.copyOf(firstTimers.subList(0, firstTimers.size() - LEFT_PENDING));
        confirmOnTheOtherInstance(confirmed, confirmations);
        scheduledJobsRunOnce(pending);
        sameCountOnBoth(confirmed.size());
        report("confirmed %d, left pending %d; chore rounds %s", confirmed.size(), pending.size(), rounds());
    }

    /**
     * The sign-ons, round robin over A and B, by {@link #CLIENTS} clients at once; A is killed once
     * half of them are acknowledged, while it has mail in hand, and from then on B takes them all.
     * Returns the mails being sent when A died, and to whom.
     */
    private Map<Long, String> signOnsWithAKilledHalfway(ServerProcess a) throws Exception {
        List<String> plan = plan();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                Map<String, Form> forms = new HashMap<>(); // each client keeps the form each instance gave it
                for (int i = next.getAndIncrement(); i < SIGN_ONS; i = next.getAndIncrement()) signOn(i, plan.get(i), forms);
                return null;
            }));
        }
        // killed wherever it is: perhaps mid-round of a chore, whose lock its connection takes with it
        Wait.until(KILL_AFTER + " sign-ons acknowledged and mail in hand", PHASE, () -> acknowledged.get() >= KILL_AFTER && !sending().isEmpty());
        a.kill();
        aDead = true;
        Map<Long, String> inHand = sending();
        clients.shutdown();
        for (Future<?> client : running) client.get(PHASE.toSeconds(), TimeUnit.SECONDS);
        report("%d sign-ons sent, %d acknowledged, %d addresses; A killed with %d mail(s) being sent",
                SIGN_ONS, acknowledged.get(), tallies.size(), inHand.size());
        assertThat(acknowledged.get()).as("B took the sign-ons after the kill").isGreaterThan(SIGN_ONS * 3 / 4);
        return inHand;
    }

    /** 20 % repeat an earlier address; one in five of those repeats one of four busy addresses, which reach the cap on mails. */
    private static List<String> plan() {
        Random random = new Random(20);
        List<String> plan = new ArrayList<>(SIGN_ONS);
        for (int i = 0; i < SIGN_ONS; i++) {
            if (i >= 5 && i % 25 == 4) plan.add(plan.get(random.nextInt(4)));
            else if (i >= 5 && i % 5 == 4) plan.add(plan.get(random.nextInt(i)));
            else plan.add("s" + i + DOMAIN);
        }
        return plan;
    }

    /**
     * The form from one instance, the sign-on to the other, as a round-robin balancer sends
     * requests; only to B once A is dead. A sign-on whose answer was lost is not acknowledged.
     */
    private void signOn(int i, String email, Map<String, Form> forms) {
        String formFrom = aDead || i % 2 == 0 ? "B" : "A";
        Form form;
        try {
            form = forms.computeIfAbsent(formFrom, instance -> instances.get(instance).get(CAMPAIGN).form("form#sign-on"));
        } catch (UncheckedIOException aJustDied) {
            form = forms.computeIfAbsent("B", instance -> instances.get(instance).get(CAMPAIGN).form("form#sign-on"));
        }
        form.set("first_name", "Signer " + i).set("last_name", "Supporter").set("email", email).set("country", "BE").tick("consent");
        String taker = aDead || formFrom.equals("A") ? "B" : "A";
        Tally tally = tallies.computeIfAbsent(email, e -> new Tally());
        synchronized (tally) {
            tally.attempts++;
        }
        Page answer;
        try {
            answer = instances.get(taker).post(form.action(), form.fields());
        } catch (UncheckedIOException lost) {
            return;
        }
        assertThat(answer.status()).as("sign-on " + i + " on " + taker + ": " + answer.text()).isEqualTo(200);
        assertThat(answer.h1()).isEqualTo("Check your email");
        synchronized (tally) {
            tally.acknowledged++;
            if (tally.firstTaker == null) tally.firstTaker = taker;
        }
        acknowledged.incrementAndGet();
    }

    /**
     * Every acknowledged address is stored once; each signature's confirmation mails (distinct
     * links: a mail sent again after the kill carries the same one) are those it counted, one per
     * sign-on that reached the database, at most {@link #MAX_MAILS}. Returns them by address.
     */
    private Map<String, List<ReceivedMail>> eachSignOnStoredOnceAndMailedByTheRules(Map<Long, String> inHandWhenKilled) {
        Map<String, int[]> stored = db.withHandle(h -> h.createQuery(
                        "SELECT email, COUNT(*) AS n, MAX(mails_sent) AS mails FROM signatures WHERE petition_id = :p GROUP BY email")
                .bind("p", petitionId).reduceRows(new HashMap<String, int[]>(), (m, row) -> {
                    m.put(row.getColumn("email", String.class), new int[] {row.getColumn("n", Integer.class), row.getColumn("mails", Integer.class)});
                    return m;
                }));
        assertThat(stored.keySet()).as("nothing stored that was not sent").isSubsetOf(tallies.keySet());
        assertThat(acknowledgedAddresses()).allSatisfy(email -> assertThat(stored).as(email + " stored").containsKey(email));
        assertThat(stored).allSatisfy((email, row) -> assertThat(row[0]).as(email + "'s signatures").isEqualTo(1));

        awaitOutboxSettled();
        List<String> since = db.withHandle(h -> h.createQuery("SELECT status FROM outbox WHERE id = ANY (:ids)")
                .bind("ids", inHandWhenKilled.keySet().toArray(Long[]::new)).mapTo(String.class).list());
        assertThat(since).as("the mail in hand when A was killed went out since").hasSize(inHandWhenKilled.size()).allMatch("sent"::equals);
        Map<String, List<ReceivedMail>> confirmations = mails("Confirm your signature");
        stored.forEach((email, row) -> {
            Tally tally = tallies.get(email);
            assertThat(links(confirmations.getOrDefault(email, List.of()), "/confirm/").size())
                    .as(email + ": distinct confirmation mails, as many as counted").isEqualTo(row[1])
                    .as(email + ": one per sign-on stored, at most " + MAX_MAILS)
                    .isBetween(Math.min(tally.acknowledged, MAX_MAILS), Math.min(tally.attempts, MAX_MAILS));
        });
        Set<String> receivedTwice = confirmations.entrySet().stream()
                .filter(e -> e.getValue().size() > links(e.getValue(), "/confirm/").size()).map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(receivedTwice).as("a mail reaches its signer twice only if the instance sending it was killed before it noted it sent")
                .isSubsetOf(inHandWhenKilled.values());
        int distinct = confirmations.values().stream().mapToInt(m -> links(m, "/confirm/").size()).sum();
        int received = confirmations.values().stream().mapToInt(List::size).sum();
        report("%d confirmation mails, %d of them received twice (sent by A, which was killed before it noted so)", distinct,
                received - distinct);
        return confirmations;
    }

    /** Each confirmation on the other instance than the one that took the sign-on; each confirmed signer is thanked once. */
    private void confirmOnTheOtherInstance(List<String> confirmed, Map<String, List<ReceivedMail>> confirmations) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<CompletableFuture<Void>> pages = confirmed.stream().map(email -> CompletableFuture.runAsync(() -> {
            Browser other = instances.get(tallies.get(email).firstTaker.equals("A") ? "B" : "A");
            String link = URI.create(confirmations.get(email).get(0).linkTo("/confirm/")).getPath();
            Page done = other.get(link).form("form[action^=/confirm/]").submit();
            assertThat(done.status()).as(email + " confirmed").isEqualTo(200);
            assertThat(done.h1()).isEqualTo("Thank you, your signature is confirmed");
        }, clients)).toList();
        CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).get(PHASE.toSeconds(), TimeUnit.SECONDS);
        clients.shutdown();
        report("%d confirmations, each on the other instance", confirmed.size());

        awaitOutboxSettled();
        Map<String, List<ReceivedMail>> thanks = mails("Thank you for signing");
        assertThat(thanks.keySet()).as("each confirmed signer thanked").containsExactlyInAnyOrderElementsOf(confirmed);
        assertThat(thanks.values()).as("thanked once").allSatisfy(m -> assertThat(m).hasSize(1));
    }

    /**
     * With both instances up, the unconfirmed signers fall due for their one reminder and the
     * campaign for its daily digest: each goes out once, though both instances run the chores, and
     * the rounds taken are those of one scheduler, not two.
     */
    private void scheduledJobsRunOnce(List<String> pending) {
        db.useHandle(h -> {
            h.createUpdate("UPDATE signatures SET created_at = created_at - 7200000 WHERE petition_id = :p AND email IN (<emails>)")
                    .bind("p", petitionId).bindList("emails", pending).execute();
            h.createUpdate("UPDATE petitions SET digest = TRUE, digest_sent_at = :twoDaysAgo WHERE id = :p")
                    .bind("twoDaysAgo", System.currentTimeMillis() - Duration.ofDays(2).toMillis()).bind("p", petitionId).execute();
        });
        Wait.until("the reminders and the digest", PHASE, () -> count(
                "SELECT COUNT(*) FROM signatures WHERE petition_id = " + petitionId + " AND reminded_at IS NOT NULL") == LEFT_PENDING
                && count("SELECT COUNT(*) FROM petitions WHERE id = " + petitionId + " AND digest_sent_at > "
                        + (System.currentTimeMillis() - 60_000)) == 1);
        Map<String, Long> then = rounds();
        Wait.until("three more rounds of reminders and of digests", PHASE, () -> rounds().get("housekeeping") >= then.get("housekeeping") + 3
                && rounds().get("digests") >= then.get("digests") + 3);
        awaitOutboxSettled();
        Map<String, List<ReceivedMail>> reminders = mails("Reminder: confirm your signature");
        assertThat(reminders.keySet()).as("reminded: the pending signers alone").containsExactlyInAnyOrderElementsOf(pending);
        assertThat(reminders.values()).as("one reminder each").allSatisfy(m -> assertThat(m).hasSize(1));
        assertThat(mails("Daily digest").getOrDefault(COORDINATOR, List.of())).as("one digest").hasSize(1);
        assertThat(mails("You have already signed")).as("no repeat came after a confirmation").isEmpty();
        // a round falls due 0.75 s after the last one ended (ChoreTurns.done): had each instance run every round, twice as many
        long sinceStart = (System.nanoTime() - began) / 1_000_000;
        assertThat(rounds()).as("rounds in %d ms, all instances together", sinceStart)
                .allSatisfy((chore, n) -> assertThat(n).as(chore).isLessThanOrEqualTo(sinceStart / 750 + 2));
        report("reminders and digest each sent once");
    }

    /** The public count, in the JSON and on the page, is the same on both instances: the number confirmed. */
    private void sameCountOnBoth(int confirmed) {
        assertThat(count("SELECT COUNT(*) FROM signatures WHERE petition_id = " + petitionId + " AND status = 'confirmed'"))
                .isEqualTo(confirmed);
        for (String instance : List.of("A", "B")) {
            Page json = instances.get(instance).get("/api/v1/campaigns/" + SLUG);
            assertThat(json.status()).isEqualTo(200);
            assertThat(json.body()).as("count on " + instance).contains("\"signatureCount\":" + confirmed + ",");
            Page page = instances.get(instance).get(CAMPAIGN);
            assertThat(page.document().selectFirst("progress").attr("value")).as("counter on " + instance)
                    .isEqualTo(String.valueOf(confirmed));
        }
    }

    private ServerProcess start(String name, Map<String, String> env) {
        try {
            ServerProcess server = ServerProcess.start(Files.createDirectories(dir.resolve(name)), env);
            synchronized (started) {
                started.add(server);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An open campaign with a coordinator (one who accepted their invitation: digests go only to those) for its digests, written directly in the database before any instance runs. */
    private long openCampaign() {
        long now = System.currentTimeMillis();
        return db.withHandle(h -> {
            long petition = h.createUpdate("""
                            INSERT INTO petitions (kind, slug, title, summary, body, status, goal, created_at, updated_at)
                            VALUES ('campaign', :slug, 'Two instances', 'A summary', 'Sign *now*.', 'open', 10000, :now, :now)""")
                    .bind("slug", SLUG).bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long coordinator = h.createUpdate("""
                            INSERT INTO coordinators (email, email_key, name, role, created_at, password_hash)
                            VALUES (:email, :email, 'Coordinator', 'coordinator', :now, 'set when the invitation was accepted')""")
                    .bind("email", COORDINATOR).bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("INSERT INTO petition_coordinators (petition_id, coordinator_id) VALUES (?, ?)", petition, coordinator);
            return petition;
        });
    }

    private Set<String> acknowledgedAddresses() {
        return tallies.entrySet().stream().filter(e -> e.getValue().acknowledged > 0).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private Map<Long, String> sending() {
        return db.withHandle(h -> h.createQuery("SELECT id, recipient FROM outbox WHERE status = 'sending'")
                .reduceRows(new HashMap<Long, String>(), (m, row) -> {
                    m.put(row.getColumn("id", Long.class), row.getColumn("recipient", String.class).toLowerCase(Locale.ROOT));
                    return m;
                }));
    }

    /** Rounds taken so far of each chore, on whichever instance. */
    private Map<String, Long> rounds() {
        return db.withHandle(h -> h.createQuery("SELECT name, rounds FROM chore_turns").reduceRows(new HashMap<String, Long>(), (m, row) -> {
            m.put(row.getColumn("name", String.class), row.getColumn("rounds", Long.class));
            return m;
        }));
    }

    private long count(String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Waits until no mail is queued or being sent, then until the mail server has at least the mails marked sent. */
    private void awaitOutboxSettled() {
        Wait.until("the outbox to settle", PHASE, () -> count("SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending')") == 0);
        long sent = count("SELECT COUNT(*) FROM outbox WHERE status = 'sent'");
        assertThat(greenMail.waitForIncomingEmail(PHASE.toMillis(), (int) sent)).as(sent + " mails at the mail server").isTrue();
    }

    /** The mails received so far whose subject starts so, by recipient. */
    private Map<String, List<ReceivedMail>> mails(String subject) {
        return mailbox.all().stream().filter(m -> m.subject().startsWith(subject))
                .collect(Collectors.groupingBy(m -> m.to().toLowerCase(Locale.ROOT)));
    }

    /** The distinct links in these mails: a mail sent again (at least once) carries the same link. */
    private static Set<String> links(List<ReceivedMail> mails, String prefix) {
        Set<String> links = new HashSet<>();
        for (ReceivedMail mail : mails) links.add(URI.create(mail.linkTo(prefix)).getPath());
        return links;
    }

    private void report(String format, Object... values) {
        System.out.printf("[TwoInstancesTest +%.1f s] %s%n", (System.nanoTime() - began) / 1e9, String.format(format, values));
    }
}
