package org.undersigned.statement;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface SignatoryDao {
    @SqlQuery("""
            SELECT COALESCE(display_name, organisation) AS organisation, country, org_type, website, confirmed_at
            FROM signatures
            WHERE petition_id = :petitionId AND state = 'listed'
            ORDER BY country, organisation""")
    @RegisterConstructorMapper(Signatory.class)
    List<Signatory> confirmed(long petitionId);

    /** The listed signatures tagged "initiator" (see Tags.INITIATOR), where the statement lists them first; none otherwise. */
    @SqlQuery("""
            SELECT COALESCE(s.display_name, s.organisation) AS organisation, s.country, s.org_type, s.website, s.confirmed_at
            FROM signatures s
            JOIN petitions p ON p.id = s.petition_id AND p.initiators_first
            JOIN signature_tags st ON st.signature_id = s.id AND st.name_key = 'initiator'
            WHERE s.petition_id = :petitionId AND s.state = 'listed'""")
    @RegisterConstructorMapper(Signatory.class)
    List<Signatory> initiators(long petitionId);
}
