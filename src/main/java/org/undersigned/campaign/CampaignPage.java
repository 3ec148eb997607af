package org.undersigned.campaign;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.db.Database;
import org.undersigned.pages.KindPage;
import org.undersigned.petition.Kind;
import org.undersigned.petition.PetitionText;
import org.undersigned.petition.Published;
import org.undersigned.signature.SignatureForm;
import org.undersigned.signature.SupporterForm;

/** A campaign's page: supporters sign and are counted, by country; no supporter is ever named. */
public final class CampaignPage implements KindPage {
    private final Database database;
    private final SupporterForm form;

    public CampaignPage(Database database, SupporterForm form) {
        this.database = database;
        this.form = form;
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
        List<CountryCount> counts = counts(text.petition().id());
        model.put("campaign", text.petition());
        model.put("count", counts.stream().mapToLong(CountryCount::count).sum());
        model.put("goal", text.petition().goal());
        model.put("countryCounts", counts);
    }

    @Override
    public Object json(Published published) {
        return CampaignJson.of(published.petition(), counts(published.petition().id()), published.languages());
    }

    private List<CountryCount> counts(long petitionId) {
        return database.reads().withExtension(SupporterCounts.class, dao -> dao.byCountry(petitionId));
    }
}
