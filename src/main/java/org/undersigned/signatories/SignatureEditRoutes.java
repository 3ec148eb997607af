package org.undersigned.signatories;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.signature.OrgType;
import org.undersigned.signature.OrganisationLogos;
import org.undersigned.signature.UploadedLogo;
import org.undersigned.site.LogoImage;
import org.undersigned.text.Countries;
import org.undersigned.text.Messages;
import org.undersigned.web.FieldError;
import org.undersigned.web.Localization;
import org.undersigned.web.SecurityHeaders;

/** One signature as its coordinators see and correct it, and the form that adds one received by email or on paper. */
public final class SignatureEditRoutes {
    private final PetitionAccess access;
    private final SignatoryOverview overview;
    private final SignatureEdits edits;
    private final Tags tags;
    private final Countries countries;
    private final Messages messages;

    public SignatureEditRoutes(PetitionAccess access, SignatoryOverview overview, SignatureEdits edits, Tags tags, Countries countries,
                               Messages messages) {
        this.access = access;
        this.overview = overview;
        this.edits = edits;
        this.tags = tags;
        this.countries = countries;
        this.messages = messages;
    }

    public void register(RoutesConfig routes) {
        for (Kind kind : Kind.values()) {
            String path = "/admin/" + kind.plural() + "/{slug}/signatures";
            // before /{id}, which "new" would otherwise match
            routes.get(path + "/new", ctx -> addForm(ctx, kind));
            routes.post(path, ctx -> add(ctx, kind));
            routes.get(path + "/{id}", ctx -> one(ctx, kind));
            routes.post(path + "/{id}", ctx -> edit(ctx, kind));
            routes.post(path + "/{id}/tags", ctx -> tag(ctx, kind));
        }
        // organisations' logos for the logo wall: statements only
        String statements = "/admin/statements/{slug}/signatures/{id}";
        routes.post(statements + "/logo", this::setLogo);
        routes.get(statements + "/logo.png", this::logo);
    }

    /** Adds, replaces (field {@code logo}, multipart) or removes ({@code remove_logo=yes}) an organisation's logo. */
    private void setLogo(Context ctx) {
        Petition petition = petition(ctx, Kind.STATEMENT);
        long id = id(ctx);
        OrganisationLogos.Stored logo = null;
        if (!"yes".equals(ctx.formParam("remove_logo"))) {
            UploadedFile file = ctx.uploadedFile(UploadedLogo.FIELD);
            UploadedLogo uploaded = file == null || file.size() == 0
                    ? new UploadedLogo(null, new FieldError(UploadedLogo.FIELD, "error.logo.required"))
                    : UploadedLogo.of(UploadedLogo.bytes(file));
            if (uploaded.error() != null) {
                SignatoryRow row = overview.one(petition, id).orElseThrow(NotFoundResponse::new);
                Map<String, Object> model = model(ctx, petition, SignatureEdits.values(row), List.of(uploaded.error()));
                model.put("row", row);
                edits.logo(petition, id).ifPresent(l -> model.put("logo", l));
                ctx.status(HttpStatus.BAD_REQUEST).render("admin/signatory.peb", model);
                return;
            }
            logo = uploaded.stored();
        }
        edits.setLogo(AdminAccess.coordinator(ctx), petition, id, logo);
        ctx.redirect("/admin" + petition.path() + "/signatures/" + id + "?logo=1", HttpStatus.SEE_OTHER);
    }

    /** The logo as its coordinators see it, whatever the signature's state: never cached. */
    private void logo(Context ctx) {
        Petition petition = petition(ctx, Kind.STATEMENT);
        OrganisationLogos.Stored logo = edits.logo(petition, id(ctx)).orElseThrow(NotFoundResponse::new);
        SecurityHeaders.noStore(ctx);
        ctx.contentType("image/png").result(Base64.getDecoder().decode(logo.base64()));
    }

    private Petition petition(Context ctx, Kind kind) {
        return access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
    }

    private void one(Context ctx, Kind kind) {
        Petition petition = petition(ctx, kind);
        SignatoryRow row = overview.one(petition, id(ctx)).orElseThrow(NotFoundResponse::new);
        Map<String, Object> model = model(ctx, petition, SignatureEdits.values(row), List.of());
        model.put("row", row);
        model.put("answers", overview.answers(petition, row.id()));
        if ("1".equals(ctx.queryParam("saved"))) model.put("notice", "publish.saved");
        if ("1".equals(ctx.queryParam("added"))) model.put("notice", "signatories.added");
        if ("1".equals(ctx.queryParam("tagged"))) model.put("notice", "signatories.tags_saved");
        if ("1".equals(ctx.queryParam("merged"))) model.put("notice", "merge.done");
        if ("1".equals(ctx.queryParam("logo"))) model.put("notice", "signatories.logo_saved");
        if (kind == Kind.STATEMENT) edits.logo(petition, row.id()).ifPresent(l -> model.put("logo", l));
        ctx.render("admin/signatory.peb", model);
    }

    private void edit(Context ctx, Kind kind) {
        Petition petition = petition(ctx, kind);
        long id = id(ctx);
        SignatureEdits.Result result = edits.edit(AdminAccess.coordinator(ctx), petition, id, ctx.formParamMap());
        if (result.done()) {
            ctx.redirect("/admin" + petition.path() + "/signatures/" + id + "?saved=1", HttpStatus.SEE_OTHER);
            return;
        }
        SignatoryRow row = overview.one(petition, id).orElseThrow(NotFoundResponse::new);
        Map<String, Object> model = model(ctx, petition, result.values(), result.errors());
        model.put("row", row);
        model.put("answers", overview.answers(petition, row.id()));
        ctx.status(result.status()).render("admin/signatory.peb", model);
    }

    /** Adds a tag to this signature or removes one (tag_action); a bad name shows the page again with what is wrong. */
    private void tag(Context ctx, Kind kind) {
        Petition petition = petition(ctx, kind);
        long id = id(ctx);
        SignatoryRow row = overview.one(petition, id).orElseThrow(NotFoundResponse::new);
        Tags.Action action = Tags.Action.of(ctx.formParam("tag_action")).orElse(Tags.Action.ADD);
        Tags.Outcome outcome = tags.apply(AdminAccess.coordinator(ctx), petition, List.of(id), ctx.formParam("tag"), action);
        if (outcome.done()) {
            ctx.redirect("/admin" + petition.path() + "/signatures/" + id + "?tagged=1#tags", HttpStatus.SEE_OTHER);
            return;
        }
        List<FieldError> errors = List.of(new FieldError("tag", outcome.problem()));
        Map<String, Object> model = model(ctx, petition, SignatureEdits.values(row), errors);
        model.put("row", row);
        model.put("tagValue", outcome.name());
        ctx.status(HttpStatus.BAD_REQUEST).render("admin/signatory.peb", model);
    }

    private void addForm(Context ctx, Kind kind) {
        Petition petition = petition(ctx, kind);
        ctx.render("admin/signatory_new.peb", model(ctx, petition, Map.of(), List.of()));
    }

    private void add(Context ctx, Kind kind) {
        Petition petition = petition(ctx, kind);
        SignatureEdits.Result result = edits.add(AdminAccess.coordinator(ctx), petition, ctx.formParamMap(), signerLocale(ctx, petition));
        if (result.done()) {
            ctx.redirect("/admin" + petition.path() + "/signatures/" + result.id() + "?added=1", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(result.status()).render("admin/signatory_new.peb", model(ctx, petition, result.values(), result.errors()));
    }

    /** A hand-added signer's mails come in the petition's language, which they read, where the interface speaks it. */
    private Locale signerLocale(Context ctx, Petition petition) {
        return messages.speaks(petition.lang()) ? Locale.forLanguageTag(petition.lang()) : Localization.of(ctx);
    }

    private Map<String, Object> model(Context ctx, Petition petition, Map<String, String> values, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("countries", countries.all(Localization.of(ctx)));
        model.put("orgTypes", OrgType.codes());
        model.put("petitionTags", tags.all(petition));
        model.put("logoMegabytes", LogoImage.MAX_BYTES / (1024 * 1024));
        return model;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }
}
