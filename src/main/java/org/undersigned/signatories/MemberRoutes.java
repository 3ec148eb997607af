package org.undersigned.signatories;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.imports.ImportFile;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.web.Localization;
import org.undersigned.web.SecurityHeaders;

/** The member roster: an admin's upload, a statement's reminder to members who have not signed, a member's opt-out. */
public final class MemberRoutes {
    public static final String UPLOAD = "/admin/members";
    public static final long MAX_REQUEST_BYTES = Members.MAX_BYTES + 64 * 1024;
    private final PetitionAccess access;
    private final Members members;

    public MemberRoutes(PetitionAccess access, Members members) {
        this.access = access;
        this.members = members;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/members", ctx -> page(ctx, admin(ctx), null, HttpStatus.OK));
        routes.post("/admin/members", this::upload);
        routes.post("/admin/statements/{slug}/members/remind", this::remind);
        routes.post("/admin/statements/{slug}/members/public", this::showInPublic);
        routes.get("/members/opt-out/{token}", ctx -> optOutPage(ctx, false));
        routes.post("/members/opt-out/{token}", ctx -> optOutPage(ctx, true));
    }

    private static Coordinator admin(Context ctx) {
        Coordinator me = AdminAccess.coordinator(ctx);
        if (!me.isAdmin()) throw new ForbiddenResponse("admins only");
        return me;
    }

    private void page(Context ctx, Coordinator me, Members.Parsed refused, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("members", members.all());
        model.put("problems", refused == null ? List.of() : refused.problems());
        String saved = ctx.queryParam("saved");
        model.put("saved", saved != null && saved.matches("\\d{1,6}") ? Integer.parseInt(saved) : -1);
        ctx.status(status).render("admin/members.peb", model);
    }

    private void upload(Context ctx) throws IOException {
        Coordinator me = admin(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        byte[] bytes = new byte[0];
        if (file != null) {
            try (InputStream in = file.content()) {
                bytes = in.readNBytes(Members.MAX_BYTES + 1);
            }
        }
        Members.Parsed parsed;
        try {
            parsed = bytes.length > Members.MAX_BYTES ? refused("members.problem.too_large") : Members.parse(bytes);
        } catch (ImportFile.Refused e) {
            parsed = refused(e.refusal().messageKey());
        }
        // A file with a bad row changes nothing: the admin fixes it and uploads again, and no member is lost meanwhile.
        if (!parsed.problems().isEmpty()) {
            page(ctx, me, parsed, HttpStatus.BAD_REQUEST);
            return;
        }
        members.replace(me, parsed.members());
        ctx.redirect("/admin/members?saved=" + parsed.members().size(), HttpStatus.SEE_OTHER);
    }

    private static Members.Parsed refused(String key) {
        return new Members.Parsed(List.of(), List.of(new Members.Problem(0, key)));
    }

    private void remind(Context ctx) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), Kind.STATEMENT, ctx.pathParam("slug"));
        var sent = members.remind(AdminAccess.coordinator(ctx), petition, Localization.of(ctx));
        ctx.redirect("/admin" + petition.path() + (sent.isPresent() ? "?reminded=" + sent.get() : "?reminded=again") + "#members",
                HttpStatus.SEE_OTHER);
    }

    private void showInPublic(Context ctx) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), Kind.STATEMENT, ctx.pathParam("slug"));
        members.showInPublic(AdminAccess.coordinator(ctx), petition, "yes".equals(ctx.formParam("members_public")));
        ctx.redirect("/admin" + petition.path() + "#members", HttpStatus.SEE_OTHER);
    }

    private void optOutPage(Context ctx, boolean done) {
        SecurityHeaders.noStore(ctx);
        boolean known = !done || members.optOut(ctx.pathParam("token"));
        Map<String, Object> model = new HashMap<>();
        model.put("done", done);
        model.put("known", known);
        model.put("currentPath", "/members/opt-out/" + ctx.pathParam("token"));
        ctx.status(known ? HttpStatus.OK : HttpStatus.NOT_FOUND).render("members/opt_out.peb", model);
    }
}
