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

    @Test
    void characters_that_show_nothing_are_removed_from_a_latin_name() {
        String[] invisible = {"\u200E", "\u200F", "\u061C", "\u200C", "\u200D", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064",
                "\u00AD", "\u180E", "\u034F", "\uDB40\uDC41", "\uDB40\uDC7F", "\uFFF9", "\uFFFA", "\uFFFB", "\u115F", "\u1160", "\u3164",
                "\uFFA0", "\uE000", "\uF8FF", "\uDB80\uDC00", "\uFE0F", "\u202E", "\u2066", "\u200B", "\uFEFF"};
        for (String c : invisible) {
            assertThat(Text.line("Pi" + c + "cum")).as("U+%04X", "Pi".concat(c).codePointAt(2)).isEqualTo("Picum");
        }
    }

    @Test
    void look_alike_blanks_are_spaces_and_marks_need_a_letter_to_sit_on() {
        assertThat(Text.line("Picum\u2800Europe")).isEqualTo("Picum Europe");
        assertThat(Text.line("Picum\u1680Europe\u3164")).isEqualTo("Picum Europe");
        assertThat(Text.line("\u0301\u0308\u0301")).isEmpty();
        assertThat(Text.line("Jos\u0301 \u0301e")).isEqualTo("Jo\u015B e");
        assertThat(Text.line("Za\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307lgo")).isEqualTo(Text.line("Za\u0300\u0301\u0302\u0303lgo"));
    }

    @Test
    void names_in_every_script_keep_the_joiners_and_selectors_they_need() {
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // ZWNJ between two joining letters
        String devanagari = "\u0915\u094D\u200D\u0937"; // ZWJ after a virama: a half form
        String malayalam = "\u0D28\u0D4D\u200D"; // chillu written with ZWJ after the virama
        String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String rainbow = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";
        String coder = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB";
        String scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        String heart = "\u2764\uFE0F";
        String ideographicVariant = "\u845B\uDB40\uDD00";
        for (String name : new String[] {persian, devanagari, malayalam, "\u0627\u0644\u0639\u0631\u0628\u064A\u0629", "Ελληνικά",
                "Русский язык", "東京タワー", "서울특별시", "नमस्ते दुनिया", family, rainbow, coder, scotland, heart, ideographicVariant,
                "Nguy\u1EC5n V\u0103n \u0110\u1EE9c", "\u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD"}) {
            assertThat(Text.line(name)).as(name).isEqualTo(name);
        }
        assertThat(Text.line("Latin\u200Cname\u200D")).isEqualTo("Latinname");
        assertThat(Text.line("\uDB40\uDC67\uDB40\uDC62 tags without a flag")).isEqualTo("tags without a flag");
        assertThat(Text.line("a\uFE0F")).as("emoji presentation of a plain letter").isEqualTo("a");
    }

    @Test
    void a_name_needs_a_letter_or_a_digit() {
        assertThat(Text.hasLetterOrDigit("Picum")).isTrue();
        assertThat(Text.hasLetterOrDigit("東京")).isTrue();
        assertThat(Text.hasLetterOrDigit("٣")).isTrue();
        assertThat(Text.hasLetterOrDigit("...")).isFalse();
        assertThat(Text.hasLetterOrDigit("\uD83D\uDE00")).isFalse();
        assertThat(Text.hasLetterOrDigit(Text.line("\u3164\u2800\u0301"))).isFalse();
    }

    @Test
    void a_cyrillic_letter_in_a_latin_word_is_a_look_alike_but_whole_words_in_their_scripts_are_not() {
        assertThat(LookAlikes.mixScripts("P\u0430ypal")).isTrue();
        assertThat(LookAlikes.mixScripts("\u041Ca\u0440\u0438\u044F")).as("a Latin a in a Cyrillic name").isTrue();
        assertThat(LookAlikes.mixScripts("Amnesty 1\u0661")).as("digits of two systems").isTrue();
        for (String name : new String[] {"Paypal", "Amnesty International Россия", "東京タワー Tokyo", "ラーメンramen", "서울시 Seoul",
                "Ελλάδα", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "\u0915\u094D\u200D\u0937", "Médecins Sans Frontières",
                "O'Brien-Smith & Co.", "\uD83D\uDC69\u200D\uD83D\uDCBB Coders", "Kyiv/Київ"}) {
            assertThat(LookAlikes.mixScripts(name)).as(name).isFalse();
        }
        assertThat(LookAlikes.mixScripts(null)).isFalse();
    }
}
