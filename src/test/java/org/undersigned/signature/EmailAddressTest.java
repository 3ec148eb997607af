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
            "+weird@example.org, +weird@example.org"})
    void duplicates_are_compared_on_the_mailbox_an_address_reaches(String typed, String key) {
        assertThat(emails.key(typed)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"a@b, false", "a b@c.org, false", "ok@example.org, true", "x@[1.2.3.4], false", "a@@b.org, false"})
    void only_usable_addresses_are_accepted(String email, boolean valid) {
        assertThat(emails.isValid(email)).isEqualTo(valid);
    }
}
