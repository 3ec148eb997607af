package org.undersigned.petition;

import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Who hears about a petition (digests, alerts): its own coordinators, or the admins where nobody is assigned. */
interface PetitionCoordinators {
    @SqlQuery("""
            SELECT email FROM coordinators c
            WHERE c.id IN (SELECT coordinator_id FROM petition_coordinators WHERE petition_id = :petitionId)
               OR (c.role = 'admin' AND NOT EXISTS (SELECT 1 FROM petition_coordinators WHERE petition_id = :petitionId))
            ORDER BY email""")
    List<String> emails(long petitionId);

    /** As {@link #emails}, with each one's language; only those who can log in (an invitation not yet accepted hears nothing). */
    @SqlQuery("""
            SELECT email, language FROM coordinators c
            WHERE (c.id IN (SELECT coordinator_id FROM petition_coordinators WHERE petition_id = :petitionId)
                   OR (c.role = 'admin' AND NOT EXISTS (SELECT 1 FROM petition_coordinators WHERE petition_id = :petitionId)))
              AND c.password_hash IS NOT NULL
            ORDER BY email""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Petitions.Recipient.class)
    List<Petitions.Recipient> recipients(long petitionId);
}
