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
        Fields fields = fields(form, true);
        form.checkbox("consent_publish", true);
        boolean updates = form.checkbox("updates", false);
        return result(form, fields, updates, CONSENT_KEY);
    }

    @Override
    public FormResult byCoordinator(Map<String, List<String>> params) {
        FormFields form = new FormFields(params);
        return result(form, fields(form, false), false, BY_COORDINATOR_CONSENT_KEY);
    }

    private record Fields(String organisation, String country, String orgType, String website, String contactName, String email,
                          Listing listing) {}

    private Fields fields(FormFields form, boolean emailRequired) {
        String organisation = form.name("organisation", true, 200);
        String country = form.text("country", true, 2);
        if (country != null && !countries.isValid(country)) form.error("country", "invalid");
        String orgType = form.text("org_type", true, 30);
        if (orgType != null && !OrgType.isValid(orgType)) form.error("org_type", "invalid");
        String website = form.website("website", 500);
        String contactName = form.name("contact_name", true, 200);
        String email = form.email("email", emails, emailRequired);
        // absent or empty: listed by name, as every sign-on was before the choice existed
        String listingCode = form.text("listing", false, 12);
        Listing listing = listingCode == null ? Listing.NAME : Listing.of(listingCode).orElse(null);
        if (listing == null) form.error("listing", "invalid");
        return new Fields(organisation, country, orgType, website, contactName, email, listing);
    }

    private static FormResult result(FormFields form, Fields f, boolean updates, String consentKey) {
        NewSignature signature = form.errors.isEmpty()
                ? new NewSignature(f.email(), f.organisation(), f.orgType(), f.website(), f.contactName(), null, null, null, f.country(),
                        updates, consentKey, f.listing())
                : null;
        return new FormResult(form.values, List.copyOf(form.errors), signature);
    }
}
