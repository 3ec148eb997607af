package org.undersigned.petition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.undersigned.db.Database;

/**
 * Seeds the demo statement and campaign from data/demo/*.md, packed into the jar as
 * demo/*.md. Each file: "key: value" lines (kind, slug, title, summary, status, goal, image, lang, initiated_by, addressed_to, goal_steps, next_step, next_step_url, image_alt), a line
 * "---", then the Markdown body. An existing slug is left alone. A file with "translation: xx" adds
 * the text in language xx to the petition of that kind and slug (once).
 */
public final class DemoContent {
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    static final List<String> FILES = List.of("demo/statement.md", "demo/statement.fr.md", "demo/campaign.md");
    private final Database database;
    private final Clock clock;

    public DemoContent(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void seed() {
        for (String file : FILES) {
            try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) continue;
                insert(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    private void insert(String source) {
        int split = source.indexOf("\n---\n");
        Map<String, String> head = new HashMap<>();
        source.substring(0, split).lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) head.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        });
        String body = source.substring(split + 5).strip();
        database.writer().run(h -> {
            PetitionDao dao = h.attach(PetitionDao.class);
            if (head.containsKey("translation")) {
                String lang = head.get("translation");
                dao.find(head.get("kind"), head.get("slug")).ifPresent(p -> {
                    TranslationDao translations = h.attach(TranslationDao.class);
                    if (p.lang().equals(lang) || translations.find(p.id(), lang).isPresent()) return;
                    translations.save(new Translation(p.id(), lang, head.get("title"), head.getOrDefault("summary", ""), body,
                            null, clock.millis()));
                });
                return;
            }
            if (dao.find(head.get("kind"), head.get("slug")).isPresent()) return;
            dao.insert(head.get("kind"), head.get("slug"), head.get("title"), head.getOrDefault("summary", ""), body,
                    head.getOrDefault("status", PetitionStatus.OPEN.code()),
                    head.containsKey("goal") ? Integer.valueOf(head.get("goal")) : null, clock.millis(), null, head.get("image"),
                    head.getOrDefault("lang", "en"), head.get("initiated_by"), head.get("addressed_to"));
            dao.find(head.get("kind"), head.get("slug")).ifPresent(p -> new Presentation(head.get("goal_steps"),
                    NextStep.of(head.get("next_step")).orElse(null), head.get("next_step_url"), head.get("image_alt")).save(h, p.id()));
            log.info("Demo {} created: /{}s/{}", head.get("kind"), head.get("kind"), head.get("slug"));
        });
    }
}
