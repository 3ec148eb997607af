package org.undersigned.statement;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The public list reads only organisations listed by name; those counted only are counted, never read. */
interface SignatoryDao {
    @SqlQuery("""
            SELECT COALESCE(s.display_name, s.organisation) AS organisation, s.country, s.org_type, s.website, s.confirmed_at,
                   l.hash AS logo, l.width AS logo_width, l.height AS logo_height
            FROM signatures s LEFT JOIN signature_logos l ON l.signature_id = s.id
            WHERE s.petition_id = :petitionId AND s.state = 'listed' AND s.listing = 'name'
            ORDER BY s.country, s.organisation""")
    @RegisterConstructorMapper(Signatory.class)
    List<Signatory> named(long petitionId);

    @SqlQuery("SELECT COUNT(*) FROM signatures WHERE petition_id = :petitionId AND state = 'listed' AND listing = 'count_only'")
    long countedOnly(long petitionId);

    /** The listed signatures tagged "initiator" (see Tags.INITIATOR), where the statement lists them first; none otherwise. */
    @SqlQuery("""
            SELECT COALESCE(s.display_name, s.organisation) AS organisation, s.country, s.org_type, s.website, s.confirmed_at,
                   l.hash AS logo, l.width AS logo_width, l.height AS logo_height
            FROM signatures s
            JOIN petitions p ON p.id = s.petition_id AND p.initiators_first
            JOIN signature_tags st ON st.signature_id = s.id AND st.name_key = 'initiator'
            LEFT JOIN signature_logos l ON l.signature_id = s.id
            WHERE s.petition_id = :petitionId AND s.state = 'listed' AND s.listing = 'name'""")
    @RegisterConstructorMapper(Signatory.class)
    List<Signatory> initiators(long petitionId);

    /** A logo, for a signature that the list above shows on a public petition, and for no other (keep the two alike). */
    @SqlQuery("""
            SELECT l.png FROM signature_logos l
            JOIN signatures s ON s.id = l.signature_id
            JOIN petitions p ON p.id = s.petition_id
            WHERE l.hash = :hash AND s.state = 'listed' AND s.listing = 'name' AND p.status IN ('open', 'closed')
            LIMIT 1""")
    Optional<String> listedLogo(String hash);

    @SqlQuery("SELECT list_style FROM petitions WHERE id = :petitionId")
    String listStyle(long petitionId);
}
