package org.undersigned;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.undersigned.coordinator.Coordinators;
import org.undersigned.coordinator.Passwords;
import org.undersigned.db.Database;
import org.undersigned.text.Messages;

/** java -jar undersigned.jar create-coordinator --email E, with the password on standard input. */
final class CreateCoordinator {
    private CreateCoordinator() {}

    static int run(Config config, String[] args, InputStream in, PrintStream out, PrintStream err) {
        String email = null;
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--email")) email = args[i + 1];
        }
        if (email == null || !email.contains("@")) {
            err.println("create-coordinator needs --email E (an email address); the password is read from standard input.");
            return 2;
        }
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            err.println("Cannot read the password from standard input: " + e.getMessage());
            return 2;
        }
        Messages messages = new Messages(java.util.List.of(Locale.ENGLISH));
        try (Database database = App.open(config.storage())) {
            new Coordinators(database, new Passwords(config.passwordHashCost()), Clock.systemUTC())
                    .create(email, "", org.undersigned.coordinator.Role.ADMIN, password == null ? "" : password);
            out.println("Coordinator " + email + " created (admin).");
            return 0;
        } catch (Coordinators.Refused refused) {
            err.println("Not created: " + messages.get(Locale.ENGLISH, refused.getMessage()));
            return 1;
        }
    }
}
