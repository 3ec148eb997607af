package org.undersigned.statement;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;
import org.undersigned.signature.FormResult;
import org.undersigned.signature.OrgType;
import org.undersigned.signature.OrganisationForm;
import org.undersigned.signature.SignOn;
import org.undersigned.web.Countries;
import org.undersigned.web.FieldError;
import org.undersigned.web.FormToken;
import org.undersigned.web.Localization;
import org.undersigned.web.Markdown;
import org.undersigned.web.SecurityHeaders;

/** A joint statement's public page, its organisation sign-on, and its JSON. */
public final class StatementRoutes {
    private static final String KIND = "statement";
    private final Petitions petitions;
    private final SignatoryList signatories;
    private final OrganisationForm form;
    private final SignOn signOn;
    private final FormToken formToken;
    private final Markdown markdown;
    private final Countries countries;

    public StatementRoutes(Petitions petitions, org.undersigned.db.Database database, OrganisationForm form, SignOn signOn,
                           FormToken formToken, Markdown markdown, Countries countries) {
        this.petitions = petitions;
        this.signatories = new SignatoryList(database, countries);
        this.form = form;
        this.signOn = signOn;
        this.formToken = formToken;
        this.markdown = markdown;
        this.countries = countries;
    }

    public void register(RoutesConfig routes) {
        routes.get("/statements/{slug}", ctx -> page(ctx, petitions.publicOne(KIND, ctx.pathParam("slug")), Map.of(), List.of()));
        routes.post("/statements/{slug}/signatures", this::signOn);
        routes.get("/api/v1/statements/{slug}", ctx -> {
            Petition statement = petitions.publicOne(KIND, ctx.pathParam("slug"));
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.json(StatementJson.of(statement, signatories.all(statement.id())));
        });
    }

    private void signOn(Context ctx) {
        Petition statement = petitions.publicOne(KIND, ctx.pathParam("slug"));
        SecurityHeaders.noStore(ctx);
        if (!statement.isOpen()) {
            page(ctx.status(HttpStatus.CONFLICT), statement, Map.of(), List.of(new FieldError("signatories", "error.form.closed")));
            return;
        }
        FormResult result = form.parse(ctx.formParamMap());
        List<FieldError> errors = new ArrayList<>(result.errors());
        if (!formToken.isValid(KIND, ctx.formParam(FormToken.FIELD))) {
            errors.add(0, new FieldError("organisation", "error.form.expired"));
        }
        if (!errors.isEmpty()) {
            page(ctx.status(HttpStatus.BAD_REQUEST), statement, result.values(), errors);
            return;
        }
        signOn.sign(statement, result.signature(), Localization.of(ctx));
        ctx.render("signature/check_email.peb", Map.of("petition", statement, "email", result.signature().email()));
    }

    private void page(Context ctx, Petition statement, Map<String, String> values, List<FieldError> errors) {
        var locale = Localization.of(ctx);
        List<Signatory> all = signatories.all(statement.id());
        Map<String, Object> model = new HashMap<>();
        model.put("statement", statement);
        model.put("bodyHtml", new SafeString(markdown.toHtml(statement.body())));
        model.put("count", all.size());
        model.put("groups", signatories.byCountry(all, locale));
        model.put("countries", countries.all(locale));
        model.put("orgTypes", OrgType.codes());
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("formToken", formToken.issue(KIND));
        ctx.render("statement/show.peb", model);
    }
}
