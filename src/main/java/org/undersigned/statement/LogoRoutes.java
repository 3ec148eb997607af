package org.undersigned.statement;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Base64;
import org.undersigned.db.Database;
import org.undersigned.site.SiteRoutes;

/**
 * Organisations' logos as a statement's logo wall shows them: at an address named after the
 * content, cached for a year; only for signatures on a public list (never one unconfirmed,
 * awaiting review, rejected or withdrawn).
 */
public final class LogoRoutes {
    private final Database database;

    public LogoRoutes(Database database) {
        this.database = database;
    }

    static String path(String hash) {
        return "/logos/" + hash + ".png";
    }

    public void register(RoutesConfig routes) {
        routes.get("/logos/{file}", this::logo);
    }

    private void logo(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("[0-9a-f]{16}\\.png")) throw new NotFoundResponse();
        String png = database.reads().withExtension(SignatoryDao.class, dao -> dao.listedLogo(file.substring(0, 16)))
                .orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", SiteRoutes.IMMUTABLE).contentType("image/png").result(Base64.getDecoder().decode(png));
    }
}
