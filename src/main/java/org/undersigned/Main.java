package org.undersigned;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Reads the environment (and an optional undersigned.properties), then runs a subcommand. */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar undersigned.jar [serve | create-coordinator --email E | backup FILE
                                              | migrate-to-postgres URL]
              serve                          start the web server (the default)
              create-coordinator --email E   create an admin coordinator; the password is read
                                             from standard input (12 to 128 characters)
              backup FILE                    write a consistent copy of the database to FILE,
                                             while the server keeps running
              migrate-to-postgres URL        copy the SQLite database (DATABASE_URL) into the empty
                                             PostgreSQL database URL (jdbc:postgresql://HOST:PORT/NAME,
                                             the login from DATABASE_USER and DATABASE_PASSWORD or
                                             in URL), then compare every table's rows. Stop the
                                             server first: what it writes during or after the copy
                                             is not copied.

            Configuration comes from environment variables, or from undersigned.properties
            in the working directory (same keys in lower case with dots: smtp.host).
            See README.md for the keys.""";

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (command.equals("--help") || command.equals("-h") || (args.length > 1 && args[1].equals("--help"))) {
            System.out.println(USAGE);
            return;
        }
        if (!java.util.List.of("serve", "create-coordinator", "backup", "migrate-to-postgres").contains(command)) {
            System.err.println("Unknown command '" + command + "'.\n" + USAGE);
            System.exit(2);
        }
        Config config;
        try {
            config = Config.parse(settings(Path.of("undersigned.properties"), System.getenv()));
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (command.equals("backup")) System.exit(Backup.run(config, args, System.out, System.err));
            if (command.equals("migrate-to-postgres")) System.exit(MigrateToPostgres.run(config, args, System.out, System.err));
            if (command.equals("create-coordinator")) System.exit(CreateCoordinator.run(config, args, System.in, System.out, System.err));
        } catch (ConfigException e) {
            // a database server that cannot be reached, say: one line, as at start
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
        }
        App app = new App(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        try {
            app.start();
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            // a port already taken, an unreadable database: say so and exit, rather than linger half-started
            System.err.println("undersigned could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The properties file's values under environment-style keys, overridden by the environment. */
    static Map<String, String> settings(Path propertiesFile, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        if (Files.isRegularFile(propertiesFile)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new ConfigException(propertiesFile.toString(), "cannot be read: " + e.getMessage());
            }
            properties.stringPropertyNames().forEach(name ->
                    merged.put(name.toUpperCase(Locale.ROOT).replace('.', '_'), properties.getProperty(name)));
        }
        merged.putAll(environment);
        return merged;
    }
}
