package org.undersigned.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A test against the running app with a fresh database and an SMTP server of its own. */
public abstract class AppTest {
    @RegisterExtension
    protected static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    protected Path dir;
    protected TestApp app;
    protected Mailbox mailbox;

    @BeforeEach
    void startApp() {
        app = TestApp.start(dir, greenMail.getSmtp().getPort());
        mailbox = new Mailbox(greenMail);
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    /** An organisation signs the statement at path and confirms from its mail, as a signer would. */
    protected void signAndConfirm(String path, String organisation, String country, String email) {
        SignOnForm.sign(app.browser, path, organisation, country, email);
        confirm(mailbox.nth(email, 1));
    }

    /** The id of the signature of this organisation (one in the test's database). */
    protected String id(String organisation) {
        return app.db().withHandle(h -> h.createQuery("SELECT id FROM signatures WHERE organisation = :o")
                .bind("o", organisation).mapTo(String.class).one());
    }

    /** Opens the mail's confirmation link and presses the button, as the signer would. */
    protected Page confirm(ReceivedMail mail) {
        return app.browser.get(mail.linkTo("/confirm/")).form("form[action^=/confirm/]").submit();
    }
}
