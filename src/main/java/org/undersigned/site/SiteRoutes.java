package org.undersigned.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;

/**
 * The admins' settings page (/admin/settings), and what it sets that browsers fetch: the logo
 * and the accent colour's stylesheet, each at an address that changes with its content and so
 * cached for a year.
 */
public final class SiteRoutes {
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The one path that takes a body larger than a form's: the logo's upload. */
    public static final String UPLOAD_PATH = "/admin/settings";
    /** The largest logo and the form's fields around it. */
    public static final long MAX_REQUEST_BYTES = LogoImage.MAX_BYTES + 64 * 1024;
    private final Site site;

    public SiteRoutes(Site site) {
        this.site = site;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/settings", ctx -> {
            admin(ctx);
            SiteSettings now = site.current();
            Map<String, String> values = new HashMap<>();
            values.put("site_name", now.name());
            values.put("privacy_url", orEmpty(now.privacyUrl()));
            values.put("legal_url", orEmpty(now.legalUrl()));
            values.put("accent_color", orEmpty(now.accentColor()));
            show(ctx, values, SettingsForm.Result.valid(), "saved".equals(ctx.queryParam("done")));
        });
        routes.post(UPLOAD_PATH, this::save);
        routes.get("/site/logo/{file}", this::logo);
        routes.get("/site/accent-{color}.css", this::accent);
    }

    private void save(Context ctx) throws IOException {
        Coordinator me = admin(ctx);
        UploadedFile file = ctx.uploadedFile("logo");
        byte[] upload = null;
        if (file != null && file.size() > 0) {
            try (InputStream in = file.content()) {
                upload = in.readNBytes(LogoImage.MAX_BYTES + 1);
            }
        }
        SettingsForm.Result result = SettingsForm.read(ctx::formParam, upload, site.defaultName());
        if (!result.errors().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, result.values(), result, false);
            return;
        }
        site.save(me, result.change());
        ctx.redirect("/admin/settings?done=saved", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, Map<String, String> values, SettingsForm.Result result, boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", result.errors());
        model.put("errorFields", result.errors().stream().map(SettingsForm.Problem::field).toList());
        model.put("saved", saved);
        model.put("defaultName", site.defaultName());
        model.put("maxMegabytes", LogoImage.MAX_BYTES / (1024 * 1024));
        ctx.render("admin/settings.peb", model);
    }

    private void logo(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("[0-9a-f]{16}\\.png")) throw new NotFoundResponse();
        byte[] png = site.logo(file.substring(0, 16)).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", IMMUTABLE).contentType("image/png").result(png);
    }

    /** Any colour's stylesheet may be asked for: it is made from the address alone, and names no secret. */
    private void accent(Context ctx) {
        String color = ctx.pathParam("color");
        if (!color.matches("[0-9a-f]{6}")) throw new NotFoundResponse();
        int rgb = Integer.parseInt(color, 16);
        String dark = String.format("%06x", Contrast.darker(rgb, 0.35));
        ctx.header("Cache-Control", IMMUTABLE).contentType("text/css; charset=utf-8")
                .result(":root { --accent: #" + color + "; --accent-dark: #" + dark + "; }\n");
    }

    private static Coordinator admin(Context ctx) {
        Coordinator me = AdminAccess.coordinator(ctx);
        if (!me.isAdmin()) throw new ForbiddenResponse("admins only");
        return me;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
