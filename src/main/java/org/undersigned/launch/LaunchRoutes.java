package org.undersigned.launch;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.web.SecurityHeaders;

/** The coordinator's page of a petition's private pre-launch link, and its "new key" button. */
public final class LaunchRoutes {
    private final LaunchKeys keys;
    private final PetitionAccess access;

    public LaunchRoutes(LaunchKeys keys, PetitionAccess access) {
        this.keys = keys;
        this.access = access;
    }

    public void register(RoutesConfig routes) {
        for (Kind kind : Kind.values()) {
            String path = "/admin/" + kind.plural() + "/{slug}/key";
            routes.get(path, ctx -> show(ctx, kind));
            routes.post(path, ctx -> {
                Coordinator me = AdminAccess.coordinator(ctx);
                Petition petition = access.manageable(me, kind, ctx.pathParam("slug"));
                keys.renew(me, petition);
                ctx.redirect("/admin" + petition.path() + "/key?renewed=1", HttpStatus.SEE_OTHER);
            });
        }
    }

    private void show(Context ctx, Kind kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        SecurityHeaders.noStore(ctx); // the page holds the key
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        keys.keyOf(petition.id()).ifPresent(key -> model.put("link", petition.path() + "?" + LaunchKeys.PARAM + "=" + key));
        model.put("renewed", "1".equals(ctx.queryParam("renewed")));
        ctx.render("admin/launch_key.peb", model);
    }
}
