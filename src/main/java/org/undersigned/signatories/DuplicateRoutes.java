package org.undersigned.signatories;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.text.Text;
import org.undersigned.web.FieldError;

/** A statement's likely duplicates, and the side-by-side page where a coordinator merges two or marks them distinct. */
public final class DuplicateRoutes {
    private final PetitionAccess access;
    private final Duplicates duplicates;
    private final Merges merges;

    public DuplicateRoutes(PetitionAccess access, Duplicates duplicates, Merges merges) {
        this.access = access;
        this.duplicates = duplicates;
        this.merges = merges;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/statements/{slug}/duplicates", this::list);
        routes.get("/admin/statements/{slug}/duplicates/{a}/{b}", this::compare);
        routes.post("/admin/statements/{slug}/duplicates/{a}/{b}", this::decide);
    }

    private Petition petition(Context ctx) {
        return access.manageable(AdminAccess.coordinator(ctx), Kind.STATEMENT, ctx.pathParam("slug"));
    }

    private void list(Context ctx) {
        Petition petition = petition(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        model.put("pairs", duplicates.find(petition).pairs());
        model.put("distinct", "1".equals(ctx.queryParam("distinct")));
        ctx.render("admin/duplicates.peb", model);
    }

    private void compare(Context ctx) {
        Petition petition = petition(ctx);
        List<SignatoryRow> rows = merges.pair(petition, id(ctx, "a"), id(ctx, "b")).orElseThrow(NotFoundResponse::new);
        ctx.render("admin/merge.peb", model(petition, rows, List.of()));
    }

    /** decision=merge with keep_FIELD=id for each field, or decision=distinct. */
    private void decide(Context ctx) {
        Petition petition = petition(ctx);
        long a = id(ctx, "a");
        long b = id(ctx, "b");
        String decision = Text.line(ctx.formParam("decision"));
        Merges.Outcome outcome;
        if (decision.equals("merge")) {
            Map<String, String> choices = new HashMap<>();
            for (String field : Merges.FIELDS) choices.put(field, Text.line(ctx.formParam("keep_" + field)));
            outcome = merges.merge(AdminAccess.coordinator(ctx), petition, a, b, choices);
        } else if (decision.equals("distinct")) {
            outcome = merges.markDistinct(AdminAccess.coordinator(ctx), petition, a, b);
        } else {
            List<SignatoryRow> rows = merges.pair(petition, a, b).orElseThrow(NotFoundResponse::new);
            ctx.status(HttpStatus.BAD_REQUEST).render("admin/merge.peb",
                    model(petition, rows, List.of(new FieldError("decision", "error.merge.decision"))));
            return;
        }
        if (outcome.problem() != null) {
            // one of the two was withdrawn, rejected or merged meanwhile: nothing changed
            Map<String, Object> model = new HashMap<>();
            model.put("petition", petition);
            model.put("pairs", duplicates.find(petition).pairs());
            model.put("errors", List.of(new FieldError("pairs", outcome.problem())));
            model.put("errorFields", List.of("pairs"));
            ctx.status(HttpStatus.CONFLICT).render("admin/duplicates.peb", model);
            return;
        }
        String to = decision.equals("merge")
                ? "/admin" + petition.path() + "/signatures/" + outcome.kept() + "?merged=1"
                : "/admin" + petition.path() + "/duplicates?distinct=1";
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }

    private static Map<String, Object> model(Petition petition, List<SignatoryRow> rows, List<FieldError> errors) {
        SignatoryRow kept = Merges.survivor(rows.get(0), rows.get(1));
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        model.put("a", rows.get(0));
        model.put("b", rows.get(1));
        model.put("aValues", SignatureEdits.values(rows.get(0)));
        model.put("bValues", SignatureEdits.values(rows.get(1)));
        model.put("kept", kept);
        model.put("earliest", Math.min(rows.get(0).createdAt(), rows.get(1).createdAt()));
        model.put("fields", Merges.FIELDS);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        return model;
    }

    private static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }
}
