package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undersigned.support.TestApp;

class CreateCoordinatorTest {
    @TempDir
    Path dir;

    @Test
    void the_command_creates_a_coordinator_who_can_then_log_in() {
        Config config = TestApp.config(dir, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CreateCoordinator.run(config, new String[] {"create-coordinator", "--email", "cli@undersigned.test"},
                new ByteArrayInputStream("typed on the command line\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("cli@undersigned.test");

        try (TestApp app = TestApp.start(config)) {
            assertThat(app.loggedIn("cli@undersigned.test", "typed on the command line").get("/admin").status()).isEqualTo(200);
        }
    }

    @Test
    void a_weak_password_is_refused_with_one_line() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CreateCoordinator.run(TestApp.config(dir, null), new String[] {"create-coordinator", "--email", "weak@undersigned.test"},
                new ByteArrayInputStream("password1234\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("Not created: This password is too common. Choose one that is harder to guess");
    }
}
