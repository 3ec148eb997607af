package org.undersigned.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;
import org.undersigned.support.ReceivedMail;
import org.undersigned.support.SupporterForm;

class ConcurrentCountTest extends AppTest {
    ExecutorService pool = Executors.newFixedThreadPool(24);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void the_count_stays_exact_under_concurrent_signatures_confirmations_and_withdrawals() throws Exception {
        String campaign = app.campaign("rush", "Rush hour", 1000);
        Page served = app.browser.get(campaign);

        // 200 signatures from 120 people, some typing their address differently
        List<Callable<Integer>> signings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int person = i % 120;
            String email = i < 120 ? "person" + person + "@example.org" : "Person" + person + "+again@EXAMPLE.org";
            signings.add(() -> SupporterForm.filled(served, "P" + person, person % 2 == 0 ? "BE" : "FR", email).submit().status());
        }
        assertThat(runAll(signings)).containsOnly(200);
        assertThat(app.count("SELECT COUNT(*) FROM signatures")).isEqualTo(120);

        // everybody confirms, all at once, some twice
        mailbox.await(200);
        Map<String, Page> confirmPages = new java.util.concurrent.ConcurrentHashMap<>();
        List<Callable<Integer>> confirmations = new ArrayList<>();
        for (int person = 0; person < 120; person++) {
            String email = "person" + person + "@example.org";
            String link = mailbox.nth(email, 1).linkTo("/confirm/");
            Page page = app.browser.get(link);
            confirmPages.put(email, page);
            confirmations.add(() -> page.form("form[action^=/confirm/]").submit().status());
            if (person % 10 == 0) confirmations.add(() -> page.form("form[action^=/confirm/]").submit().status());
        }
        Collections.shuffle(confirmations);
        assertThat(runAll(confirmations)).containsOnly(200);

        // 45 withdraw while others confirm again and late duplicates arrive
        List<Callable<Integer>> mixed = new ArrayList<>();
        for (int person = 0; person < 120; person++) {
            String email = "person" + person + "@example.org";
            if (person % 8 < 3) {
                String manage = thanksTo(email).linkTo("/manage/");
                Page managePage = app.browser.get(manage);
                mixed.add(() -> managePage.form("form[action$=/withdraw]").submit().status());
                // a replay that lands after the withdrawal finds its link gone: 404, and nothing comes back
                mixed.add(() -> {
                    int status = confirmPages.get(email).form("form[action^=/confirm/]").submit().status();
                    return status == 404 ? 200 : status;
                });
            } else if (person % 8 == 3) {
                int p = person;
                mixed.add(() -> SupporterForm.filled(served, "Late", "BE", "person" + p + "@example.org").submit().status());
            }
        }
        Collections.shuffle(mixed);
        assertThat(runAll(mixed)).containsOnly(200);

        long withdrawn = 120 / 8 * 3;
        long expected = 120 - withdrawn;
        assertThat(app.count("SELECT COUNT(*) FROM signatures WHERE status = 'confirmed'")).isEqualTo(expected);
        var json = new ObjectMapper().readTree(app.browser.get("/api/v1/campaigns/rush").body());
        assertThat(json.get("signatureCount").asLong()).isEqualTo(expected);
        assertThat(json.get("countries").get("BE").asLong() + json.get("countries").get("FR").asLong()).isEqualTo(expected);
        assertThat(new Browser(app.config.web().baseUrl()).get(campaign).document().selectFirst("#counter").text())
                .contains(expected + " people have signed");
    }

    private ReceivedMail thanksTo(String email) {
        for (int n = 1; ; n++) {
            ReceivedMail mail = mailbox.nth(email, n);
            if (mail.subject().startsWith("Thank you")) return mail;
        }
    }

    private List<Integer> runAll(List<Callable<Integer>> tasks) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(tasks)) statuses.add(f.get());
        return statuses;
    }
}
