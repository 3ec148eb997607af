package org.undersigned.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The visual check on drawn pages: what font rendering changes from one machine to another passes,
 * what a broken page shows fails.
 */
class VisualDiffTest {
    private static final String[] LINES = {
            "We, the undersigned organisations, work every day alongside undocumented",
            "people in Europe: in shelters and clinics, in schools and courts, in trade",
            "unions and faith communities. Undocumented people care for our elderly,",
            "build our homes and harvest our food. Yet they are denied basic protection.",
    };

    /** A page as the app draws one: a heading, two paragraphs, a field and a button, at 1280 CSS px. */
    private static BufferedImage page(Consumer<Options> change) {
        Options o = new Options();
        change.accept(o);
        BufferedImage image = new BufferedImage(1280, 1100 + o.extraHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, o.textRendering);
        g.translate(o.dx, o.dy);
        g.setColor(new Color(0x0b0c0c));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString("Regularisation now: a joint statement", 64, 96);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, o.fontSize));
        int y = 160;
        for (int paragraph = 0; paragraph < (o.secondParagraph ? 2 : 1); paragraph++) {
            for (String line : LINES) {
                g.drawString(line, 64 + o.textDx, y);
                y += 28;
            }
            y += 24;
        }
        g.setColor(new Color(0x505a5f));
        g.drawRect(64, 640, 480, 44);
        if (o.button) {
            g.setColor(new Color(0x00703c));
            g.fillRect(64, 720, 220, 52);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 19));
            g.drawString("Sign the statement", 84, 753);
        }
        g.dispose();
        return image;
    }

    private static final class Options {
        int dx, dy, textDx, extraHeight, fontSize = 19;
        boolean secondParagraph = true, button = true;
        Object textRendering = RenderingHints.VALUE_TEXT_ANTIALIAS_ON;
    }

    private static VisualDiff.Verdict compare(BufferedImage reference, BufferedImage actual) {
        return VisualDiff.compare(VisualDiff.stored(reference), VisualDiff.stored(actual));
    }

    private static final BufferedImage REFERENCE = page(o -> {});

    @Test
    void the_same_page_is_alike() {
        assertThat(compare(REFERENCE, page(o -> {})).problem()).isNull();
    }

    @Test
    void a_screenshot_read_from_a_png_as_bytes_gives_the_same_grey_as_one_drawn_in_ints() {
        int[] drawn = samples(VisualDiff.stored(REFERENCE));
        for (int type : new int[] {BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage bytes = new BufferedImage(REFERENCE.getWidth(), REFERENCE.getHeight(), type);
            Graphics2D g = bytes.createGraphics();
            g.drawImage(REFERENCE, 0, 0, null);
            g.dispose();
            assertThat(samples(VisualDiff.stored(bytes))).as("type %d", type).isEqualTo(drawn);
        }
    }

    private static int[] samples(BufferedImage grey) {
        return grey.getRaster().getSamples(0, 0, grey.getWidth(), grey.getHeight(), 0, (int[]) null);
    }

    @Test
    void text_one_or_two_pixels_further_along_is_alike() {
        assertThat(compare(REFERENCE, page(o -> o.textDx = 1)).problem()).isNull();
        assertThat(compare(REFERENCE, page(o -> o.textDx = -2)).problem()).isNull();
    }

    @Test
    void the_whole_page_a_pixel_lower_or_further_right_is_alike() {
        assertThat(compare(REFERENCE, page(o -> o.dy = 1)).problem()).isNull();
        assertThat(compare(REFERENCE, page(o -> { o.dx = 1; o.dy = 2; })).problem()).isNull();
    }

    @Test
    void text_drawn_without_anti_aliasing_or_with_other_hinting_is_alike() {
        assertThat(compare(REFERENCE, page(o -> o.textRendering = RenderingHints.VALUE_TEXT_ANTIALIAS_OFF)).problem()).isNull();
        assertThat(compare(REFERENCE, page(o -> o.textRendering = RenderingHints.VALUE_TEXT_ANTIALIAS_GASP)).problem()).isNull();
    }

    @Test
    void a_missing_button_differs_and_the_diff_shows_where() {
        VisualDiff.Verdict verdict = compare(REFERENCE, page(o -> o.button = false));
        assertThat(verdict.problem()).contains("squares of 32 px differ").contains("the first at x 64, y 704 CSS px");
        // the diff (half size) is red where the button was, and not elsewhere
        assertThat(verdict.diff().getRGB(80, 372) & 0xffffff).isEqualTo(0xdc0000);
        assertThat(verdict.diff().getRGB(500, 60) & 0xffffff).isNotEqualTo(0xdc0000);
    }

    @Test
    void a_missing_paragraph_differs() {
        assertThat(compare(REFERENCE, page(o -> o.secondParagraph = false)).problem()).contains("squares of 32 px differ");
    }

    @Test
    void a_larger_font_that_changes_every_line_differs() {
        assertThat(compare(REFERENCE, page(o -> o.fontSize = 24)).problem()).contains("squares of 32 px differ");
    }

    @Test
    void a_page_grown_by_a_line_differs_even_when_the_rest_is_alike() {
        assertThat(compare(REFERENCE, page(o -> o.extraHeight = 28)).problem()).startsWith("is 1128 px high, the reference 1100 px");
        assertThat(compare(REFERENCE, page(o -> o.extraHeight = 4)).problem()).isNull();
    }

    @Test
    void a_page_wider_than_the_screen_differs() {
        BufferedImage wide = new BufferedImage(1300, 1100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.drawImage(REFERENCE, 0, 0, null);
        g.dispose();
        assertThat(compare(REFERENCE, wide).problem()).startsWith("is 1300 px wide, the reference 1280 px");
    }
}
