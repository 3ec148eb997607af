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

/**
 * A joint statement's page: organisations sign, and the listed ones are shown by country. Those
 * counted only add to the count and are never named.
 */
public final class StatementPage implements KindPage {
    private final SignatoryList signatories;
    private final OrganisationForm form;
    private final MemberTally members;

    public StatementPage(Database database, Countries countries, OrganisationForm form, MemberTally members) {
        this.signatories = new SignatoryList(database, countries);
        this.form = form;
        this.members = members;
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
    public boolean searchable() {
        return true;
    }

    @Override
    public void addTo(Map<String, Object> model, PetitionText text, Locale locale, boolean embed, String query) {
        SignatoryList.Listed listed = signatories.all(text.petition().id());
        model.put("statement", text.petition());
        model.put("count", listed.count());
        model.put("orgTypes", OrgType.codes());
        // part of the cached page: signatures, the setting (an update of petitions) and a roster upload all move the public version
        members.shown(text.petition().id()).ifPresent(tally -> model.put("memberTally", tally));
        // part of the cached page: tagging an initiator or switching the setting moves the public version (V044)
        // and those who signed through the pre-launch link, confirmed before the opening time
        List<Signatory> initiators = query == null
                ? signatories.initiators(text.petition().id(), text.petition().opensAt(), listed.named(), locale) : List.of();
        model.put("initiators", initiators);
        if (embed) return;
        model.put("countryCount", listed.countries());
        model.put("countedOnly", listed.countedOnly());
        List<Signatory> shown = query == null ? SignatoryList.without(listed.named(), initiators) : SignatoryList.matching(listed.named(), query);
        if (query != null) model.put("matches", shown.size());
        model.put("groups", signatories.byCountry(shown, locale));
        model.put("wall", signatories.wall(text.petition().id()));
    }

    @Override
    public Object json(Published published) {
        return StatementJson.of(published.petition(), signatories.all(published.petition().id()), published.languages());
    }
}
