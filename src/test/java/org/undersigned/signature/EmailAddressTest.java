package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {
    private final EmailAddress emails = new EmailAddress();

    @ParameterizedTest
    @CsvSource({
            "Jane.Doe@Gmail.com, janedoe@gmail.com",
            "jane.doe+petitions@googlemail.com, janedoe@gmail.com",
            "J.A.N.E.D.O.E@GOOGLEMAIL.COM, janedoe@gmail.com",
            "Info+statement@Picum.org, info@picum.org",
            "first.last@example.org, first.last@example.org",
            "+weird@example.org, +weird@example.org",
            "victim@EXÄMPLE.org, victim@xn--exmple-cua.org",
            "victim@xn--exmple-cua.org, victim@xn--exmple-cua.org"})
    void duplicates_are_compared_on_the_mailbox_an_address_reaches(String typed, String key) {
        assertThat(emails.key(typed)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"a@b, false", "a b@c.org, false", "ok@example.org, true", "x@[1.2.3.4], false", "a@@b.org, false"})
    void only_usable_addresses_are_accepted(String email, boolean valid) {
        assertThat(emails.isValid(email)).isEqualTo(valid);
    }

    /** Each of these reaches victim@example.org's mailbox (or a mail server's idea of it) while looking like a new address. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(1)victim@example.org", "victim@example.org(2)", "vic(x)tim@example.org", "victim@(c)example.org",
            "'\"victim\"@example.org'", "'\"vic tim\"@example.org'", "Victim <victim@example.org>", "<victim@example.org>",
            "'victim @example.org'", "victim\u00a0@example.org", "x@[1.2.3.4]", "victim@example.org;other@example.org"})
    void only_a_plain_local_at_domain_is_accepted(String email) {
        assertThat(emails.problem(email)).isEqualTo("plain");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {"josé@example.fr", "o'brien@example.ie", "first.last+tag@example.org", "v!ct#m@example.org", "a_b-c@sub.example.co.uk"})
    void ordinary_addresses_stay_accepted(String email) {
        assertThat(emails.problem(email)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"a@@b.org", "a@b@c.org", "not-an-email", ".victim@example.org", "victim.@example.org", "victim@example"})
    void malformed_addresses_are_invalid(String email) {
        assertThat(emails.problem(email)).isEqualTo("invalid");
    }
}
