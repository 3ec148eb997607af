package org.undersigned.statement;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.List;
import java.util.Map;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionText;
import org.undersigned.petition.Petitions;
import org.undersigned.petition.PublicPages;
import org.undersigned.signature.OrgType;
import org.undersigned.signature.OrganisationForm;
import org.undersigned.signature.Signing;
import org.undersigned.text.Countries;
import org.undersigned.web.FieldError;
import org.undersigned.web.Localization;
import org.undersigned.text.Markdown;

/** A joint statement's public page and embed, its organisation sign-on, and its JSON. */
public final class StatementRoutes {
    private static final String KIND = "statement";
    private final Petitions petitions;
    private final SignatoryList signatories;
    private final OrganisationForm form;
    private final Signing signing;
    private final Markdown markdown;
    private final Countries countries;
    private final PublicPages pages;

    public StatementRoutes(Petitions petitions, Database database, OrganisationForm form, Signing signing,
                           Markdown markdown, Countries countries, PublicPages pages) {
        this.pages = pages;
        this.petitions = petitions;
        this.signatories = new SignatoryList(database, countries);
        this.form = form;
        this.signing = signing;
        this.markdown = markdown;
        this.countries = countries;
    }

    public void register(RoutesConfig routes) {
        routes.get("/statements/{slug}", ctx -> cached(ctx, "page", c -> page(c, statement(c), Map.of(), List.of(), false)));
        routes.post("/statements/{slug}/signatures", ctx -> sign(ctx, false));
        routes.get("/statements/{slug}/embed", ctx -> cached(ctx, "embed", c -> page(c, statement(c), Map.of(), List.of(), true)));
        routes.post("/statements/{slug}/embed", ctx -> sign(ctx, true));
        routes.get("/api/v1/statements/{slug}", ctx -> {
            ctx.header("Access-Control-Allow-Origin", "*");
            cached(ctx, "json", c -> {
                Petition statement = statement(c);
                c.json(StatementJson.of(statement, signatories.all(statement.id()), petitions.languages(statement)));
            });
        });
    }

    private void cached(Context ctx, String variant, java.util.function.Consumer<Context> render) {
        pages.serve(ctx, statement(ctx), variant, render);
    }

    private Petition statement(Context ctx) {
        return petitions.publicOne(ctx, KIND, ctx.pathParam("slug"));
    }

    private void sign(Context ctx, boolean embed) {
        Petition stored = statement(ctx);
        PetitionText statement = petitions.forReader(ctx, stored); // the language the signer read and signs
        signing.handle(ctx, statement, form, embed, (c, values, errors) -> page(c, stored, values, errors, embed));
    }

    private void page(Context ctx, Petition asStored, Map<String, String> values, List<FieldError> errors, boolean embed) {
        PetitionText text = petitions.forReader(ctx, asStored);
        Petition statement = text.petition();
        var locale = Localization.of(ctx);
        List<Signatory> all = signatories.all(statement.id());
        Map<String, Object> model = signing.formModel(statement, values, errors, embed);
        model.put("statement", statement);
        model.putAll(text.model());
        model.put("count", all.size());
        model.put("countries", countries.all(locale));
        model.put("orgTypes", OrgType.codes());
        if (!embed) {
            model.put("bodyHtml", new SafeString(markdown.toHtml(statement.body())));
            model.put("groups", signatories.byCountry(all, locale));
        }
        ctx.render(embed ? "statement/embed.peb" : "statement/show.peb", model);
    }
}
