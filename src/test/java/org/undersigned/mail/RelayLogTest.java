package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.Browser;
import org.undersigned.support.ServerProcess;
import org.undersigned.support.SignOnForm;
import org.undersigned.support.Wait;

/**
 * The log an operator reads (the server as its own process, at its production level) names mails by
 * their number and refusals by their codes, never any part of a recipient's address, though mail
 * servers echo it in their refusals. (One database is enough: the log does not depend on it.)
 */
@Tag("sqlite")
class RelayLogTest {
    @TempDir
    Path dir;

    @Test
    void refused_and_deferred_mails_are_logged_without_any_part_of_the_address() throws Exception {
        try (RefusingSmtpServer smtp = new RefusingSmtpServer(address -> address.startsWith("jane")
                ? "550 5.1.1 <" + address + ">... " + address.replaceFirst("@.*", "") + " User unknown"
                : "451 4.2.0 " + address.replace("@", " at ") + ": greylisted, try again later")) {
            ServerProcess server = ServerProcess.start(dir, Map.of("DEMO_DATA", "true", "SMTP_HOST", "127.0.0.1",
                    "SMTP_PORT", String.valueOf(smtp.port()), "SMTP_TRANSPORT", "plain", "MAIL_RETRY_BASE_SECONDS", "1"));
            try {
                Browser browser = new Browser(server.base);
                SignOnForm.sign(browser, "/statements/regularisation-now", "Refused Org", "BE", "jane.quixote@mailbox.test");
                SignOnForm.sign(browser, "/statements/regularisation-now", "Deferred Org", "BE", "jorge.zamora@greylist.test");

                Wait.until("a refusal and two deferrals", Duration.ofSeconds(20),
                        () -> server.log().contains("given up") && server.log().split("retrying", -1).length > 2);
            } finally {
                server.terminate(Duration.ofSeconds(20));
            }
            String log = server.log();
            assertThat(log).contains("550 5.1.1", "451 4.2.0");
            for (String part : new String[] {"jane", "quixote", "mailbox", "jorge", "zamora", "greylist"}) {
                assertThat(log).as("the log names no part of an address").doesNotContainIgnoringCase(part);
            }
        }
    }
}
