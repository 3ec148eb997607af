package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The label a sign-on's origin is counted under: a short word or a domain, never an address. */
class ReferralTest {
    private static final String OWN = "sign.example.net";

    @Test
    void a_referring_address_is_kept_as_its_domain_without_www_path_or_query() {
        assertThat(Referral.of(null, "https://www.example.org/a/b?c=d", OWN)).isEqualTo("example.org");
        assertThat(Referral.of("https://www.Example.ORG/a/b?c=d", null, OWN)).isEqualTo("example.org");
        assertThat(Referral.of("https://news.example.org", null, OWN)).isEqualTo("news.example.org");
    }

    @Test
    void the_pages_own_source_parameter_wins_and_is_cleaned_and_cut() {
        assertThat(Referral.of(null, "https://sign.example.net/statements/x?utm_source=Newsletter&utm_medium=mail", OWN)).isEqualTo("newsletter");
        assertThat(Referral.of(null, "https://sign.example.net/statements/x?utm_source=a&source=partner%20site", OWN)).isEqualTo("partner-site");
        assertThat(Referral.of("Newsletter", "https://www.example.org/", OWN)).as("the form's field first").isEqualTo("newsletter");
        assertThat(Referral.of("<script>alert(1)</script>", null, OWN)).isEqualTo("script-alert-1-script");
        assertThat(Referral.of("x".repeat(300), null, OWN)).hasSize(Referral.MAX_LENGTH);
    }

    @Test
    void the_sites_own_pages_and_nothing_readable_are_no_referral() {
        assertThat(Referral.of(null, "https://sign.example.net/statements/x", OWN)).isNull();
        assertThat(Referral.of("https://sign.example.net/other", null, OWN)).isNull();
        assertThat(Referral.of("  ", "not a url at all", OWN)).isNull();
        assertThat(Referral.of(null, null, OWN)).isNull();
    }
}
