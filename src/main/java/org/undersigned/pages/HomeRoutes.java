package org.undersigned.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;

/** The front page, what is open for signing now, and the archive of what has closed. */
public final class HomeRoutes {
    /** Cards on a page of the archive. */
    static final int ARCHIVE_PAGE = 12;
    private final Petitions petitions;
    private final String baseUrl;

    public HomeRoutes(Petitions petitions, String baseUrl) {
        this.petitions = petitions;
        this.baseUrl = baseUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> {
            List<Petition> open = petitions.open();
            Map<String, Object> model = new HashMap<>();
            model.put("statements", cards(open.stream().filter(p -> p.kind() == Kind.STATEMENT).toList()));
            model.put("campaigns", cards(open.stream().filter(p -> p.kind() == Kind.CAMPAIGN).toList()));
            model.put("hasArchive", !petitions.closed().isEmpty());
            ctx.render("home.peb", model);
        });
        routes.get("/archive", this::archive);
    }

    private void archive(Context ctx) {
        List<Petition> closed = petitions.closed();
        int pages = Math.max(1, (closed.size() + ARCHIVE_PAGE - 1) / ARCHIVE_PAGE);
        int page;
        try {
            page = Math.min(pages, Math.max(1, Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1"))));
        } catch (NumberFormatException e) {
            page = 1;
        }
        List<Petition> shown = closed.subList((page - 1) * ARCHIVE_PAGE, Math.min(closed.size(), page * ARCHIVE_PAGE));
        Map<String, Object> model = new HashMap<>();
        model.put("cards", cards(shown));
        model.put("page", page);
        model.put("pages", pages);
        model.put("currentPath", "/archive");
        ctx.render("archive.peb", model);
    }

    /** Each petition with its count of listed signatures and its image where this site serves it. */
    private List<Map<String, Object>> cards(List<Petition> shown) {
        Map<Long, Long> counts = petitions.listedCounts(shown);
        return shown.stream().map(p -> {
            Map<String, Object> card = new HashMap<>();
            card.put("petition", p);
            card.put("count", counts.getOrDefault(p.id(), 0L));
            String image = PageImages.local(p.imageUrl(), baseUrl);
            if (image != null) card.put("image", image);
            return card;
        }).toList();
    }
}
