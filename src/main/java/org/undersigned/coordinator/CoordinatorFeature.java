package org.undersigned.coordinator;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import org.undersigned.Config;
import org.undersigned.audit.Audit;
import org.undersigned.chores.Chores;
import org.undersigned.chores.Periodic;
import org.undersigned.db.Database;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;
import org.undersigned.tokens.Tokens;
import org.undersigned.web.ClientAddress;
import org.undersigned.web.FormToken;

/** Coordinators' accounts and sessions: login, logout, and the guard in front of /admin. */
public final class CoordinatorFeature implements AutoCloseable {
    private final Coordinators coordinators;
    private final LoginThrottle throttle;
    private final Duration housekeepingInterval;
    private Periodic housekeeping;
    private final AdminAccess access;
    private final LoginRoutes login;
    private final CoordinatorAdminRoutes admin;
    private final AccountRoutes account;
    private final PasswordResetRoutes passwordResets;
    private final PasswordResets resets;

    public CoordinatorFeature(Config config, Database database, FormToken formToken, ClientAddress clientAddress, Audit audit,
                              Outbox outbox, MailComposer composer, Clock clock) {
        this.coordinators = new Coordinators(database, new Passwords(config.passwordHashCost()), clock);
        Tokens tokens = new Tokens();
        Sessions sessions = new Sessions(database, tokens, clock, config.web().httpsOnly());
        SecondFactor secondFactor = new SecondFactor(database, audit, clock, config.web().siteName());
        this.access = new AdminAccess(sessions, secondFactor);
        this.throttle = new LoginThrottle(database, clock);
        this.housekeepingInterval = config.housekeepingInterval();
        this.login = new LoginRoutes(new Logins(coordinators, sessions, throttle, database, audit, secondFactor), sessions,
                formToken, clientAddress);
        Invitations invitations = new Invitations(database, coordinators, outbox, composer, tokens, audit, clock, config.web().baseUrl());
        Accounts accounts = new Accounts(database, coordinators, audit);
        this.admin = new CoordinatorAdminRoutes(coordinators, invitations, accounts, secondFactor, sessions, formToken);
        this.account = new AccountRoutes(accounts, coordinators, secondFactor);
        this.resets = new PasswordResets(database, throttle, outbox, composer, tokens, audit, clock, config.web().baseUrl());
        this.passwordResets = new PasswordResetRoutes(resets, coordinators, formToken, clientAddress);
        coordinators.ensureFirstAdmin(config.firstAdmin().email(), config.firstAdmin().password());
    }

    public Coordinators coordinators() {
        return coordinators;
    }

    /** Forgets login attempts whose window has passed, and password links used or expired. */
    public void startHousekeeping(Chores chores) {
        housekeeping = chores.every("login-attempts", housekeepingInterval, () -> {
            throttle.forgetPast();
            resets.forgetPast();
        });
    }

    @Override
    public void close() {
        if (housekeeping != null) housekeeping.close();
    }

    public void register(RoutesConfig routes) {
        routes.before("/admin", access::check);
        routes.before("/admin/*", access::check);
        login.register(routes);
        admin.register(routes);
        account.register(routes);
        passwordResets.register(routes);
    }
}
