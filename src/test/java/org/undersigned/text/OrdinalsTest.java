package org.undersigned.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class OrdinalsTest {
    @Test
    void ranks_are_written_as_each_language_writes_them() {
        assertThat(java.util.stream.LongStream.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 1204).mapToObj(n -> Ordinals.of(n, Locale.ENGLISH)))
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th", "1,204th");
        assertThat(Ordinals.of(1, Locale.FRENCH)).isEqualTo("1er");
        assertThat(Ordinals.of(1204, Locale.FRENCH)).isEqualTo("1\u202f204e");
        assertThat(Ordinals.of(3, Locale.forLanguageTag("es"))).isEqualTo("3.º");
    }
}
