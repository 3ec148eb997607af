package org.undersigned.coordinator;

import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.db.Database;

/**
 * What a coordinator changes on their own account (password, language), and what an admin changes
 * on others' (role, removal). Each change and its audit entry are one transaction.
 */
final class Accounts {
    private final Database database;
    private final Coordinators coordinators;
    private final Audit audit;

    Accounts(Database database, Coordinators coordinators, Audit audit) {
        this.database = database;
        this.coordinators = coordinators;
        this.audit = audit;
    }

    Language language(long coordinatorId) {
        return database.reads().withExtension(CoordinatorDao.class, dao -> dao.language(coordinatorId))
                .flatMap(Language::of).orElse(Language.EN);
    }

    void setLanguage(Coordinator me, Language language) {
        database.writer().run(h -> {
            h.attach(CoordinatorDao.class).setLanguage(me.id(), language.code());
            audit.record(h, me.id(), me.email(), "set_language", me.email(), language.code(), me.id());
        });
    }

    /**
     * The message key of what is wrong, or empty once the password has changed. The coordinator's
     * other sessions end: whoever knew the old password is out; this session (keptIdHash) stays.
     */
    Optional<String> changePassword(Coordinator me, String current, String fresh, String keptIdHash) {
        String hash = database.reads().withExtension(CoordinatorDao.class, dao -> dao.passwordHashOf(me.id())).orElse(null);
        if (!coordinators.passwords().matches(current == null ? "" : current, hash)) return Optional.of("error.password.current");
        Optional<String> problem = coordinators.passwords().problem(fresh);
        if (problem.isPresent()) return problem;
        String newHash = coordinators.passwords().hash(fresh);
        database.writer().run(h -> {
            h.attach(CoordinatorDao.class).setPassword(me.id(), newHash);
            Sessions.endAllOf(h, me.id(), keptIdHash);
            audit.record(h, me.id(), me.email(), "change_password", me.email(), "", me.id());
        });
        return Optional.empty();
    }

    /** Empty once done, else the message key of why not (the last admin stays an admin). */
    Optional<String> changeRole(Coordinator admin, long coordinatorId, Role role) {
        return database.writer().write(h -> {
            CoordinatorDao dao = h.attach(CoordinatorDao.class);
            Optional<Coordinator> target = dao.byId(coordinatorId);
            if (target.isEmpty()) return Optional.of("error.coordinator.gone");
            if (target.get().role() == role) return Optional.<String>empty();
            if (target.get().isAdmin() && dao.activeAdmins() <= 1) return Optional.of("error.coordinator.last_admin");
            dao.setRole(coordinatorId, role.code());
            audit.record(h, admin.id(), admin.email(), "change_role", target.get().email(), role.code(), coordinatorId);
            return Optional.<String>empty();
        });
    }

    /**
     * Removes the account: its sessions, invitations, assignments and API tokens go with it (the
     * schema cascades), so it is signed out at once. Its audit entries stay, under its name.
     */
    Optional<String> remove(Coordinator admin, long coordinatorId) {
        return database.writer().write(h -> {
            CoordinatorDao dao = h.attach(CoordinatorDao.class);
            Optional<Coordinator> target = dao.byId(coordinatorId);
            if (target.isEmpty()) return Optional.of("error.coordinator.gone");
            if (target.get().isAdmin() && dao.activeAdmins() <= 1) return Optional.of("error.coordinator.last_admin");
            h.execute("UPDATE audit_log SET actor_name = ? WHERE coordinator_id = ?", target.get().name(), coordinatorId);
            h.execute("DELETE FROM coordinators WHERE id = ?", coordinatorId);
            audit.record(h, admin.id(), admin.email(), "remove_coordinator", target.get().email(), target.get().displayName());
            return Optional.<String>empty();
        });
    }
}
