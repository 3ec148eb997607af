package org.undersigned.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void a_hash_carries_the_configured_cost_and_checks_at_any_cost() {
        String production = new Passwords(12).hash("correct horse battery staple");
        assertThat(production).startsWith("$2a$12$").hasSize(60);
        assertThat(new Passwords(4).hash("correct horse battery staple")).startsWith("$2a$04$");
        // a hash keeps its own cost: lowering or raising the setting leaves existing passwords valid
        Passwords cheaper = new Passwords(4);
        assertThat(cheaper.matches("correct horse battery staple", production)).isTrue();
        assertThat(cheaper.matches("correct horse battery stapler", production)).isFalse();
    }

    @Test
    void a_cost_outside_bcrypts_range_is_refused() {
        assertThatThrownBy(() -> new Passwords(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Passwords(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
