package org.undersigned.pages;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;

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
                    "statements", open.stream().filter(p -> p.kind() == Kind.STATEMENT).toList(),
                    "campaigns", open.stream().filter(p -> p.kind() == Kind.CAMPAIGN).toList()));
        });
    }
}
