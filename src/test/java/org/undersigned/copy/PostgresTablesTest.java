package org.undersigned.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresTablesTest {

    @Test
    void parents_are_copied_before_the_tables_that_point_at_them() {
        Map<String, Set<String>> parents = Map.of("signatures", Set.of("petitions", "consent_texts"), "signature_tokens", Set.of("signatures"));
        assertThat(PostgresTables.foreignKeyOrder(Set.of("signature_tokens", "signatures", "petitions", "consent_texts", "settings"), parents))
                .containsExactly("consent_texts", "petitions", "settings", "signatures", "signature_tokens");
        assertThatThrownBy(() -> PostgresTables.foreignKeyOrder(Set.of("a", "b"), Map.of("a", Set.of("b"), "b", Set.of("a"))))
                .isInstanceOf(CopyRefused.class).hasMessageContaining("circle");
    }
}
