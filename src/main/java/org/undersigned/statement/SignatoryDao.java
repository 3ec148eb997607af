package org.undersigned.statement;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The public list reads only organisations listed by name; those counted only are counted, never read. */
interface SignatoryDao {
    @SqlQuery("""
            SELECT COALESCE(display_name, organisation) AS organisation, country, org_type, website, confirmed_at
            FROM signatures
            WHERE petition_id = :petitionId AND state = 'listed' AND listing = 'name'
            ORDER BY country, organisation""")
    @RegisterConstructorMapper(Signatory.class)
    List<Signatory> named(long petitionId);

    @SqlQuery("SELECT COUNT(*) FROM signatures WHERE petition_id = :petitionId AND state = 'listed' AND listing = 'count_only'")
    long countedOnly(long petitionId);

    /** The listed signatures tagged "initiator" (see Tags.INITIATOR), where the statement lists them first; none otherwise. */
    @SqlQuery("""
            SELECT COALESCE(s.display_name, s.organisation) AS organisation, s.country, s.org_type, s.website, s.confirmed_at
            FROM signatures s
            JOIN petitions p ON p.id = s.petition_id AND p.initiators_first
            JOIN signature_tags st ON st.signature_id = s.id AND st.name_key = 'initiator'
            WHERE s.petition_id = :petitionId AND s.state = 'listed' AND s.listing = 'name'""")
    @RegisterConstructorMapper(Signatory.class)
    List<Signatory> initiators(long petitionId);
}
