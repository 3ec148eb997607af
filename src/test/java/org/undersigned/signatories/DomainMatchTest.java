package org.undersigned.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The authenticity hint compares registrable domains, so a subdomain's address matches its organisation's site. */
class DomainMatchTest {
    @Test
    void an_address_at_the_sites_registrable_domain_matches_and_webmail_differs() {
        assertThat(DomainMatch.of("https://www.rivers.eu/about", "info@rivers.eu")).isEqualTo(DomainMatch.MATCHES);
        assertThat(DomainMatch.of("rivers.eu", "info@mail.rivers.eu")).isEqualTo(DomainMatch.MATCHES);
        assertThat(DomainMatch.of("www.rivers.co.uk", "a@lists.rivers.co.uk")).isEqualTo(DomainMatch.MATCHES);
        assertThat(DomainMatch.of("www.rivers.co.uk", "a@seas.co.uk")).as("co.uk is no one's domain").isEqualTo(DomainMatch.DIFFERS);
        assertThat(DomainMatch.of("rivers.eu", "rivers@gmail.com")).isEqualTo(DomainMatch.DIFFERS);
        assertThat(DomainMatch.of("rivers.eu", "")).isEqualTo(DomainMatch.DIFFERS);
        assertThat(DomainMatch.of("https://facebook.com/rivers", "a@rivers.eu")).as("a shared site tells nothing").isEqualTo(DomainMatch.UNKNOWN);
        assertThat(DomainMatch.of(null, "a@rivers.eu")).isEqualTo(DomainMatch.UNKNOWN);
    }
}
