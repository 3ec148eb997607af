package org.undersigned.signature;

import java.util.List;
import java.util.Map;
import org.undersigned.text.Countries;

/** The organisation sign-on form of a joint statement: its fields, limits and checks. */
public final class OrganisationForm implements SignatureForm {
    public static final String CONSENT_KEY = "sign.org.consent_publish";
    private final Countries countries;
    private final EmailAddress emails;

    public OrganisationForm(Countries countries, EmailAddress emails) {
        this.countries = countries;
        this.emails = emails;
    }

    @Override
    public FormResult parse(Map<String, List<String>> params) {
        FormFields form = new FormFields(params);
        String organisation = form.name("organisation", true, 200);
        String country = form.text("country", true, 2);
        if (country != null && !countries.isValid(country)) form.error("country", "invalid");
        String orgType = form.text("org_type", true, 30);
        if (orgType != null && !OrgType.isValid(orgType)) form.error("org_type", "invalid");
        String website = form.website("website", 500);
        String contactName = form.name("contact_name", true, 200);
        String email = form.email("email", emails);
        form.checkbox("consent_publish", true);
        boolean updates = form.checkbox("updates", false);
        NewSignature signature = form.errors.isEmpty()
                ? new NewSignature(email, organisation, orgType, website, contactName, null, null, null, country, updates, CONSENT_KEY)
                : null;
        return new FormResult(form.values, List.copyOf(form.errors), signature);
    }
}
