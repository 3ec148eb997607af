package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailRelayRedactionTest {
    @Test
    void refusals_are_logged_without_the_recipient_address() {
        assertThat(MailRelay.redacted("SMTPAddressFailedException: 550 5.1.1 <jane.doe@example.org>: no such user"))
                .isEqualTo("SMTPAddressFailedException: 550 5.1.1 <<address>>: no such user")
                .doesNotContain("jane.doe");
    }
}
