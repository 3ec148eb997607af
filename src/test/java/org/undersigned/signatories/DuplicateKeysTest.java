package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What makes two signatures look like one organisation, and what does not. */
class DuplicateKeysTest {

    @Test
    void names_fold_case_accents_spaces_and_punctuation() {
        assertThat(DuplicateKeys.name("Platform for Migrant Rights Brussels")).isEqualTo(DuplicateKeys.name("platform for migrant rights brussels"))
                .isEqualTo(DuplicateKeys.name("Platform for Migrant-Rights, Brussels.")).isEqualTo(DuplicateKeys.name("PLATFORM FOR MIGRANT RIGHTS BRUSSELS"));
        assertThat(DuplicateKeys.name("Médecins du Monde")).isEqualTo(DuplicateKeys.name("MEDECINS DU MONDE"));
        assertThat(DuplicateKeys.name("P.I.C.U.M.")).isEqualTo(DuplicateKeys.name("picum")).isNotEqualTo(DuplicateKeys.name("picu"));
        assertThat(DuplicateKeys.name("Straße e.V.")).isEqualTo(DuplicateKeys.name("Strasse eV"));
        assertThat(DuplicateKeys.name("Caritas Europa")).isNotEqualTo(DuplicateKeys.name("Caritas Europe"));
        assertThat(DuplicateKeys.name("Amnesty Internation\u0430l")).as("a Cyrillic a in disguise").isEqualTo(DuplicateKeys.name("Amnesty International"));
        assertThat(DuplicateKeys.name("Союз Мигрантов")).isNotEmpty().isNotEqualTo(DuplicateKeys.name("Soyuz Migrantov"));
    }

    @Test
    void websites_and_addresses_share_one_domain_key_but_webmail_and_social_networks_give_none() {
        assertThat(DuplicateKeys.website("https://www.PICUM.org/en/about?x=1")).isEqualTo("picum.org");
        assertThat(DuplicateKeys.website("picum.org")).isEqualTo("picum.org");
        assertThat(DuplicateKeys.emailDomain("Michele@Picum.ORG")).isEqualTo("picum.org");
        assertThat(DuplicateKeys.website("https://www.facebook.com/someorg")).isEmpty();
        assertThat(DuplicateKeys.website("https://linktr.ee/someorg")).isEmpty();
        for (String webmail : List.of("a@gmail.com", "a@outlook.com", "a@hotmail.fr", "a@yahoo.co.uk", "a@proton.me", "a@protonmail.com",
                "a@gmx.de", "a@orange.fr", "a@web.de", "a@icloud.com", "a@example.org", "a@ngo.test")) {
            assertThat(DuplicateKeys.emailDomain(webmail)).as(webmail).isEmpty();
        }
        assertThat(DuplicateKeys.emailDomain("a@gmail.picum.org")).as("a provider's name inside an organisation's domain").isEqualTo("gmail.picum.org");
    }

    @Test
    void pairs_are_found_once_with_their_reasons_and_pairs_marked_distinct_are_left_out() {
        List<Duplicates.Candidate> rows = List.of(
                new Duplicates.Candidate(1, "Platform for Migrant Rights Brussels", null, null, "one@gmail.com", 10),
                new Duplicates.Candidate(2, "platform for migrant rights brussels", null, "https://pmr.be", "two@gmail.com", 20),
                new Duplicates.Candidate(3, "PMR", null, null, "info@pmr.be", 30),
                new Duplicates.Candidate(4, "Unrelated", null, null, "x@gmail.com", 40));

        Duplicates.Found found = Duplicates.find(rows, Set.of());
        assertThat(found.pairs()).extracting(p -> p.low().id() + "-" + p.high().id() + " " + p.sameName() + " " + p.domains())
                .containsExactly("1-2 true []", "2-3 false [pmr.be]");
        assertThat(found.of(4)).isEmpty();
        assertThat(Duplicates.find(rows, Set.of("1:2")).pairs()).extracting(p -> p.low().id() + "-" + p.high().id()).containsExactly("2-3");
    }

    @Test
    void a_domain_many_organisations_share_flags_none_and_a_crowd_of_one_name_pairs_with_its_first() {
        List<Duplicates.Candidate> rows = new ArrayList<>();
        for (int i = 1; i <= 11; i++) rows.add(new Duplicates.Candidate(i, "Local group " + i, null, null, "g" + i + "@network.org", i));
        for (int i = 100; i < 130; i++) rows.add(new Duplicates.Candidate(i, "Same Name", null, null, "s" + i + "@gmail.com", i));

        Duplicates.Found found = Duplicates.find(rows, Set.of());
        assertThat(found.of(1)).isEmpty();
        assertThat(found.pairs()).hasSize(29).allMatch(p -> p.low().id() == 100);
    }
}
