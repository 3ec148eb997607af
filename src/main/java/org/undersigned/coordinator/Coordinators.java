package org.undersigned.coordinator;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.undersigned.db.Database;

/** Creating coordinators and checking their passwords. */
public final class Coordinators {
    private static final Logger log = LoggerFactory.getLogger(Coordinators.class);
    private final Database database;
    private final Passwords passwords;
    private final Clock clock;

    public Coordinators(Database database, Passwords passwords, Clock clock) {
        this.database = database;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Thrown with a message key when a coordinator cannot be created as asked. */
    public static final class Refused extends RuntimeException {
        public Refused(String messageKey) {
            super(messageKey);
        }
    }

    static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** A coordinator with a password (the first admin, or one made on the command line). */
    public Coordinator create(String email, String name, Role role, String password) {
        passwords.problem(password).ifPresent(problem -> {
            throw new Refused(problem);
        });
        String hash = passwords.hash(password);
        return database.writer().write(h -> insert(h, email, name, role, hash));
    }

    /** Inside a transaction: a coordinator, with or without a password yet (an invitation sets it). */
    Coordinator insert(Handle h, String email, String name, Role role, String passwordHash) {
        CoordinatorDao dao = h.attach(CoordinatorDao.class);
        if (dao.byEmail(key(email)).isPresent()) throw new Refused("error.coordinator.exists");
        long id = dao.insert(email.trim(), key(email), name == null ? "" : name.trim(), role.code(), passwordHash, clock.millis());
        return dao.byId(id).orElseThrow();
    }

    /** ADMIN_EMAIL and ADMIN_PASSWORD create the first admin, only while there is no coordinator at all. */
    public void ensureFirstAdmin(String email, String password) {
        if (email == null || password == null) return;
        boolean none = database.reads().withExtension(CoordinatorDao.class, CoordinatorDao::count) == 0;
        if (!none) return;
        create(email, "", Role.ADMIN, password);
        log.info("First coordinator (admin) created from ADMIN_EMAIL");
    }

    /** The coordinator if the password is right; always takes the time of a bcrypt check. */
    Optional<Coordinator> authenticate(String email, String password) {
        String key = key(email);
        String hash = database.reads().withExtension(CoordinatorDao.class, dao -> dao.passwordHash(key)).orElse(null);
        if (!passwords.matches(password, hash)) return Optional.empty();
        return database.reads().withExtension(CoordinatorDao.class, dao -> dao.byEmail(key));
    }

    /** Inside a transaction: the coordinator with this id, if any. */
    public static Optional<Coordinator> byId(Handle h, long id) {
        return h.attach(CoordinatorDao.class).byId(id);
    }

    /** Whether this is the coordinator's password; always takes the time of a bcrypt check. */
    boolean passwordMatches(long id, String password) {
        String hash = database.reads().withExtension(CoordinatorDao.class, dao -> dao.passwordHashOf(id)).orElse(null);
        return passwords.matches(password, hash);
    }

    Optional<Coordinator> byId(long id) {
        return database.reads().withExtension(CoordinatorDao.class, dao -> dao.byId(id));
    }

    /** The ids of those who have a second factor, for the admins' list. */
    java.util.Set<Long> withSecondFactor() {
        return database.reads().withHandle(h -> h.createQuery("SELECT id FROM coordinators WHERE totp_secret IS NOT NULL")
                .mapTo(Long.class).set());
    }

    public List<Coordinator> all() {
        return database.reads().withExtension(CoordinatorDao.class, CoordinatorDao::all);
    }

    Passwords passwords() {
        return passwords;
    }
}
