package org.undersigned.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.App;
import org.undersigned.Config;
import org.undersigned.support.Browser;
import org.undersigned.support.Multipart;
import org.undersigned.support.TestApp;

/** Two instances on one PostgreSQL database: a change of the settings on one shows on the other's cached pages. */
@Tag("postgresql")
class SharedSettingsTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @TempDir
    Path dir;

    @Test
    void a_name_set_on_one_instance_shows_on_the_other_s_cached_statement_page() throws Exception {
        try (TestApp first = TestApp.start(dir, greenMail.getSmtp().getPort())) {
            first.statement("shared", "Shared statement", "Text", "open");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Config other = first.config.toBuilder().port(port).baseUrl("http://localhost:" + port).build();
            App second = new App(other).start();
            try {
                Browser reader = new Browser("http://localhost:" + port);
                assertThat(reader.get("/statements/shared").document().selectFirst(".brand").text()).isEqualTo("undersigned");
                Browser admin = first.admin();
                var form = admin.get("/admin/settings").form("form.settings-form").remove("logo").set("site_name", "Shared Network");
                // the other instance has just looked at its settings, and at this page: both are as fresh as it keeps them
                assertThat(reader.get("/statements/shared").document().selectFirst(".brand").text()).isEqualTo("undersigned");
                assertThat(Multipart.of(form).post(admin, "/admin/settings").status()).isEqualTo(303);
                assertThat(reader.get("/statements/shared").document().selectFirst(".brand").text()).as("at once").isEqualTo("Shared Network");
                assertThat(reader.get("/statements/shared").document().title()).isEqualTo("Shared statement – Shared Network");
            } finally {
                second.stop();
            }
        }
    }
}
