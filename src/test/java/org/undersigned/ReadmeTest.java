package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/** What a reader of the README and of docs/ follows: every picture and relative link is there. */
class ReadmeTest {
    private static final Pattern HTML_TARGET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void every_image_and_relative_link_in_the_readme_and_docs_exists_in_the_repository() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> missing = new ArrayList<>();
        for (Path document : documents) {
            for (String target : targets(document)) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#") || target.startsWith("/")) continue;
                String file = target.replaceAll("[#?].*$", "");
                Path resolved = document.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) missing.add(document + " -> " + target);
            }
        }
        assertThat(missing).as("links to files that are not in the repository").isEmpty();
    }

    @Test
    void the_readme_shows_the_three_screenshots_and_links_the_three_guides_and_the_licence() throws IOException {
        List<String> targets = targets(Path.of("README.md"));

        assertThat(targets).contains("docs/screenshots/statement.png", "docs/screenshots/campaign-phone.png",
                "docs/screenshots/signatory-list.png", "docs/architecture.md", "docs/performance.md", "docs/security.md",
                "LICENSE");
        for (String picture : List.of("statement.png", "campaign-phone.png", "signatory-list.png")) {
            byte[] head = Files.readAllBytes(Path.of("docs", "screenshots", picture));
            assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).as("%s is a PNG", picture).isEqualTo("PNG");
        }
    }

    @Test
    void the_readme_stays_under_twenty_thousand_bytes_and_names_the_licence() throws IOException {
        assertThat(Files.size(Path.of("README.md"))).isLessThanOrEqualTo(20_000);
        assertThat(Files.readString(Path.of("README.md"))).contains("AGPL-3.0-or-later");
        assertThat(Files.readString(Path.of("LICENSE"))).startsWith("                    GNU AFFERO GENERAL PUBLIC LICENSE\n"
                + "                       Version 3, 19 November 2007\n");
    }

    /** Every link and image target in the Markdown, and every src/href in its inline HTML. */
    private static List<String> targets(Path document) throws IOException {
        List<String> targets = new ArrayList<>();
        Parser.builder().build().parse(Files.readString(document, StandardCharsets.UTF_8)).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(image.getDestination());
                visitChildren(image);
            }

            @Override
            public void visit(HtmlInline html) {
                html(html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                html(html.getLiteral());
            }

            private void html(String literal) {
                Matcher m = HTML_TARGET.matcher(literal);
                while (m.find()) targets.add(m.group(1));
            }
        });
        return targets;
    }
}
