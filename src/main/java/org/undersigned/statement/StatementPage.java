package org.undersigned.statement;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.db.Database;
import org.undersigned.pages.KindPage;
import org.undersigned.petition.Kind;
import org.undersigned.petition.PetitionText;
import org.undersigned.petition.Published;
import org.undersigned.signature.OrgType;
import org.undersigned.signature.OrganisationForm;
import org.undersigned.signature.SignatureForm;
import org.undersigned.text.Countries;

/** A joint statement's page: organisations sign, and the listed ones are shown by country. */
public final class StatementPage implements KindPage {
    private final SignatoryList signatories;
    private final OrganisationForm form;

    public StatementPage(Database database, Countries countries, OrganisationForm form) {
        this.signatories = new SignatoryList(database, countries);
        this.form = form;
    }

    @Override
    public Kind kind() {
        return Kind.STATEMENT;
    }

    @Override
    public SignatureForm form() {
        return form;
    }

    @Override
    public void addTo(Map<String, Object> model, PetitionText text, Locale locale, boolean embed) {
        List<Signatory> all = signatories.all(text.petition().id());
        model.put("statement", text.petition());
        model.put("count", all.size());
        model.put("orgTypes", OrgType.codes());
        if (!embed) model.put("groups", signatories.byCountry(all, locale));
        if (!embed) model.put("wall", signatories.wall(text.petition().id()));
    }

    @Override
    public Object json(Published published) {
        return StatementJson.of(published.petition(), signatories.all(published.petition().id()), published.languages());
    }
}
