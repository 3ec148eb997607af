package org.undersigned.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowDigestTest {

    @Test
    void the_same_values_read_from_either_database_give_the_same_sum() {
        // SQLite hands back an Integer where PostgreSQL hands back a Long for a BIGINT
        assertThat(sum(List.of(row(1, "Alpha", true)))).isEqualTo(sum(List.of(row(1L, "Alpha", Boolean.TRUE))));
    }

    @Test
    void null_and_empty_text_differ_and_values_do_not_run_into_each_other() {
        assertThat(sum(List.of(row((Object) null)))).isNotEqualTo(sum(List.of(row(""))));
        assertThat(sum(List.of(row("ab", "c")))).isNotEqualTo(sum(List.of(row("a", "bc"))));
        assertThat(sum(List.of(row("a"), row("b")))).isNotEqualTo(sum(List.of(row("b"), row("a"))));
        assertThat(sum(List.of(row(true)))).isNotEqualTo(sum(List.of(row(1))));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static String sum(List<List<Object>> rows) {
        RowDigest digest = new RowDigest();
        for (List<Object> row : rows) {
            row.forEach(digest::add);
            digest.endRow();
        }
        return digest.hex();
    }
}
