package org.undersigned.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailTyposTest {
    private final EmailTypos typos = new EmailTypos();

    @Test
    void common_slips_at_big_webmail_domains_get_the_likely_address() {
        assertThat(typos.suggest("jane@gmial.com")).hasValue("jane@gmail.com");
        assertThat(typos.suggest("jane@gmai.com")).hasValue("jane@gmail.com");
        assertThat(typos.suggest("jane@gmail.con")).hasValue("jane@gmail.com");
        assertThat(typos.suggest("Jane.Doe@hotmial.com")).hasValue("Jane.Doe@hotmail.com");
        assertThat(typos.suggest("jane@hotmal.com")).hasValue("jane@hotmail.com");
        assertThat(typos.suggest("jane@yaho.fr")).hasValue("jane@yahoo.fr");
        assertThat(typos.suggest("jane@yahooo.com")).hasValue("jane@yahoo.com");
        assertThat(typos.suggest("jane@outlok.com")).hasValue("jane@outlook.com");
        assertThat(typos.suggest("jane@ornage.fr")).hasValue("jane@orange.fr");
    }

    @Test
    void known_domains_and_unrelated_ones_get_no_suggestion() {
        assertThat(typos.suggest("jane@gmail.com")).isEmpty();
        assertThat(typos.suggest("jane@mail.com")).isEmpty();
        assertThat(typos.suggest("jane@gmx.de")).isEmpty();
        assertThat(typos.suggest("jane@amnesty.org")).isEmpty();
        assertThat(typos.suggest("jane@ngo.example.org")).isEmpty();
        assertThat(typos.suggest("jane@mx.com")).as("a real short domain near gmx.com").isEmpty();
        assertThat(typos.suggest("not an address")).isEmpty();
        assertThat(typos.suggest("jane@")).isEmpty();
    }
}
