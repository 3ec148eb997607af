package org.undersigned.campaign;

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
import org.undersigned.signature.Signing;
import org.undersigned.signature.SupporterForm;
import org.undersigned.text.Countries;
import org.undersigned.web.FieldError;
import org.undersigned.web.Localization;
import org.undersigned.text.Markdown;

/** A campaign's page and embed with counter and supporter form, and its JSON. No supporter is ever named. */
public final class CampaignRoutes {
    private static final String KIND = "campaign";
    private final Petitions petitions;
    private final Database database;
    private final SupporterForm form;
    private final Signing signing;
    private final Markdown markdown;
    private final Countries countries;
    private final PublicPages pages;

    public CampaignRoutes(Petitions petitions, Database database, SupporterForm form, Signing signing,
                          Markdown markdown, Countries countries, PublicPages pages) {
        this.pages = pages;
        this.petitions = petitions;
        this.database = database;
        this.form = form;
        this.signing = signing;
        this.markdown = markdown;
        this.countries = countries;
    }

    public void register(RoutesConfig routes) {
        routes.get("/campaigns/{slug}", ctx -> cached(ctx, "page", c -> page(c, campaign(c), Map.of(), List.of(), false)));
        routes.post("/campaigns/{slug}/signatures", ctx -> sign(ctx, false));
        routes.get("/campaigns/{slug}/embed", ctx -> cached(ctx, "embed", c -> page(c, campaign(c), Map.of(), List.of(), true)));
        routes.post("/campaigns/{slug}/embed", ctx -> sign(ctx, true));
        routes.get("/api/v1/campaigns/{slug}", ctx -> {
            ctx.header("Access-Control-Allow-Origin", "*");
            cached(ctx, "json", c -> {
                Petition campaign = campaign(c);
                c.json(CampaignJson.of(campaign, counts(campaign), petitions.languages(campaign)));
            });
        });
    }

    private void cached(Context ctx, String variant, java.util.function.Consumer<Context> render) {
        pages.serve(ctx, campaign(ctx), variant, render);
    }

    private Petition campaign(Context ctx) {
        return petitions.publicOne(ctx, KIND, ctx.pathParam("slug"));
    }

    private void sign(Context ctx, boolean embed) {
        Petition stored = campaign(ctx);
        PetitionText campaign = petitions.forReader(ctx, stored); // the language the signer read and signs
        signing.handle(ctx, campaign, form, embed, (c, values, errors) -> page(c, stored, values, errors, embed));
    }

    private List<CountryCount> counts(Petition campaign) {
        return database.reads().withExtension(SupporterCounts.class, dao -> dao.byCountry(campaign.id()));
    }

    private void page(Context ctx, Petition asStored, Map<String, String> values, List<FieldError> errors, boolean embed) {
        PetitionText text = petitions.forReader(ctx, asStored);
        Petition campaign = text.petition();
        List<CountryCount> counts = counts(campaign);
        long total = counts.stream().mapToLong(CountryCount::count).sum();
        Map<String, Object> model = signing.formModel(campaign, values, errors, embed);
        model.put("campaign", campaign);
        model.putAll(text.model());
        model.put("count", total);
        model.put("goal", campaign.goal());
        model.put("countryCounts", counts);
        model.put("countries", countries.all(Localization.of(ctx)));
        if (!embed) model.put("bodyHtml", new SafeString(markdown.toHtml(campaign.body())));
        ctx.render(embed ? "campaign/embed.peb" : "campaign/show.peb", model);
    }
}
