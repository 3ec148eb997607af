package org.undersigned.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void a_plain_line_comes_back_as_it_was() {
        assertThat(Text.line("Bench Org full 0-1")).isEqualTo("Bench Org full 0-1");
        assertThat(Text.line("someone@example.org")).isEqualTo("someone@example.org");
        assertThat(Text.line("")).isEmpty();
        assertThat(Text.line(null)).isEmpty();
    }

    @Test
    void spaces_are_collapsed_and_trimmed_whatever_they_are() {
        assertThat(Text.line("  Picum   Europe ")).isEqualTo("Picum Europe");
        assertThat(Text.line("Picum\tEurope\n")).isEqualTo("Picum Europe");
        assertThat(Text.line("Picum\u00A0\u2003Europe")).isEqualTo("Picum Europe");
        assertThat(Text.line(" x")).isEqualTo("x");
        assertThat(Text.line("Picum  Europe")).isEqualTo("Picum Europe");
    }

    @Test
    void invisible_and_control_characters_go_and_accents_are_composed() {
        assertThat(Text.line("Pi\u0000cum\u007F")).isEqualTo("Picum");
        assertThat(Text.line("\u202EmuciP\u202C")).isEqualTo("muciP");
        assertThat(Text.line("Zero\u200Bwidth")).isEqualTo("Zerowidth");
        assertThat(Text.line("Cafe\u0301 de\u0301bat")).isEqualTo("Caf\u00E9 d\u00E9bat");
    }
}
