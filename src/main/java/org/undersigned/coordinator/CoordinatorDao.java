package org.undersigned.coordinator;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Coordinator.class)
public interface CoordinatorDao {
    @SqlQuery("SELECT COUNT(*) FROM coordinators")
    long count();

    @SqlQuery("SELECT id, email, name, role, created_at FROM coordinators WHERE id = :id")
    Optional<Coordinator> byId(long id);

    @SqlQuery("SELECT id, email, name, role, created_at FROM coordinators WHERE email_key = :emailKey")
    Optional<Coordinator> byEmail(String emailKey);

    @SqlQuery("SELECT password_hash FROM coordinators WHERE email_key = :emailKey")
    Optional<String> passwordHash(String emailKey);

    @SqlQuery("SELECT id, email, name, role, created_at FROM coordinators ORDER BY lower(name), email")
    List<Coordinator> all();

    @SqlQuery("""
            INSERT INTO coordinators (email, email_key, name, role, password_hash, created_at)
            VALUES (:email, :emailKey, :name, :role, :passwordHash, :now)
            RETURNING id""")
    long insert(String email, String emailKey, String name, String role, String passwordHash, long now);

    @SqlUpdate("UPDATE coordinators SET password_hash = :passwordHash WHERE id = :id")
    void setPassword(long id, String passwordHash);

    @SqlQuery("SELECT password_hash FROM coordinators WHERE id = :id")
    Optional<String> passwordHashOf(long id);

    @SqlQuery("SELECT language FROM coordinators WHERE id = :id")
    Optional<String> language(long id);

    @SqlUpdate("UPDATE coordinators SET language = :language WHERE id = :id")
    void setLanguage(long id, String language);

    @SqlUpdate("UPDATE coordinators SET role = :role WHERE id = :id")
    int setRole(long id, String role);

    /** Admins who can sign in (an invited admin who has not chosen a password cannot stand in for the last one). */
    @SqlQuery("SELECT COUNT(*) FROM coordinators WHERE role = 'admin' AND password_hash IS NOT NULL")
    long activeAdmins();

    @SqlQuery("SELECT totp_secret IS NOT NULL FROM coordinators WHERE id = :id")
    boolean hasSecondFactor(long id);
}
