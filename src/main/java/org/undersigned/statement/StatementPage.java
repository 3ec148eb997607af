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
        if (embed) return;
        // those who signed through the pre-launch link (confirmed before the opening time) are its initiators: listed first
        Long opensAt = text.petition().opensAt();
        java.util.function.Predicate<Signatory> early = s -> opensAt != null && s.confirmedAt() < opensAt;
        List<Signatory> initiators = all.stream().filter(early).toList();
        if (!initiators.isEmpty()) model.put("earlySignatories", signatories.byCountry(initiators, locale));
        model.put("groups", signatories.byCountry(initiators.isEmpty() ? all : all.stream().filter(early.negate()).toList(), locale));
    }

    @Override
    public Object json(Published published) {
        return StatementJson.of(published.petition(), signatories.all(published.petition().id()), published.languages());
    }
}
