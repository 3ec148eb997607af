package org.undersigned.petition;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;

/** The front page: what is open for signing now. */
public final class HomeRoutes {
    private final Petitions petitions;

    public HomeRoutes(Petitions petitions) {
        this.petitions = petitions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> {
            List<Petition> open = petitions.open();
            ctx.render("home.peb", Map.of(
                    "statements", open.stream().filter(p -> p.kind().equals("statement")).toList(),
                    "campaigns", open.stream().filter(p -> p.kind().equals("campaign")).toList()));
        });
    }
}
