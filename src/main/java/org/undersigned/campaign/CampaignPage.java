package org.undersigned.campaign;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.db.Database;
import org.undersigned.pages.KindPage;
import org.undersigned.pages.PageImages;
import org.undersigned.petition.GoalSteps;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionText;
import org.undersigned.petition.Presentation;
import org.undersigned.petition.Published;
import org.undersigned.signature.SignatureForm;
import org.undersigned.signature.SupporterForm;

/** A campaign's page: supporters sign and are counted, by country; no supporter is ever named. */
public final class CampaignPage implements KindPage {
    private final Database database;
    private final SupporterForm form;
    private final Clock clock;
    private final String baseUrl;

    public CampaignPage(Database database, SupporterForm form, Clock clock, String baseUrl) {
        this.database = database;
        this.form = form;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Override
    public Kind kind() {
        return Kind.CAMPAIGN;
    }

    @Override
    public SignatureForm form() {
        return form;
    }

    @Override
    public void addTo(Map<String, Object> model, PetitionText text, Locale locale, boolean embed) {
        Petition campaign = text.petition();
        List<CountryCount> counts = counts(campaign.id());
        long count = counts.stream().mapToLong(CountryCount::count).sum();
        Presentation presentation = Presentation.of(database.reads(), campaign.id());
        GoalSteps steps = presentation.steps(campaign.goal());
        model.put("campaign", campaign);
        model.put("count", count);
        model.put("goal", steps.next(count));
        model.put("goalReached", steps.reached(count));
        model.put("countryCounts", counts);
        String image = PageImages.local(campaign.imageUrl(), baseUrl);
        if (image != null) model.put("image", Map.of("src", image, "alt", presentation.imageAlt() == null ? "" : presentation.imageAlt()));
        if (!embed) {
            List<RecentActivity.Row> rows = database.reads().withExtension(RecentActivity.Dao.class,
                    dao -> dao.latest(campaign.id(), RecentActivity.LATEST));
            model.put("recent", RecentActivity.of(rows, clock.millis()));
        }
    }

    @Override
    public Object json(Published published) {
        return CampaignJson.of(published.petition(), counts(published.petition().id()), published.languages());
    }

    private List<CountryCount> counts(long petitionId) {
        return database.reads().withExtension(SupporterCounts.class, dao -> dao.byCountry(petitionId));
    }
}
