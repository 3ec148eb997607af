package org.undersigned.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ForbiddenResponse;
import java.util.Map;
import org.undersigned.web.SignedIn;

/** GET /admin/audit: who did what, newest first, 100 to a page, of what the reader may see. */
public final class AuditRoutes {
    private static final int PAGE = 100;
    private final Audit audit;

    public AuditRoutes(Audit audit) {
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/audit", ctx -> {
            int page;
            try {
                page = Math.max(1, Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1")));
            } catch (NumberFormatException e) {
                page = 1;
            }
            SignedIn reader = SignedIn.of(ctx).orElseThrow(ForbiddenResponse::new);
            var entries = audit.recent(reader.coordinatorId(), reader.admin(), PAGE + 1, (page - 1) * PAGE);
            ctx.render("admin/audit.peb", Map.of(
                    "entries", entries.subList(0, Math.min(PAGE, entries.size())),
                    "page", page, "more", entries.size() > PAGE));
        });
    }
}
