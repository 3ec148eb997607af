package org.undersigned.signature;

import java.util.List;
import java.util.Map;
import org.undersigned.text.Countries;

/** A campaign's supporter form: first and last name, email, country, an optional comment. */
public final class SupporterForm implements SignatureForm {
    public static final String CONSENT_KEY = "sign.supporter.consent";
    private final Countries countries;
    private final EmailAddress emails;

    public SupporterForm(Countries countries, EmailAddress emails) {
        this.countries = countries;
        this.emails = emails;
    }

    @Override
    public FormResult parse(Map<String, List<String>> params) {
        FormFields form = new FormFields(params).messagesAs("country", "supporter_country");
        Fields fields = fields(form, true);
        form.checkbox("consent", true);
        boolean updates = form.checkbox("updates", false);
        return result(form, fields, updates, CONSENT_KEY);
    }

    @Override
    public FormResult byCoordinator(Map<String, List<String>> params) {
        FormFields form = new FormFields(params).messagesAs("country", "supporter_country");
        return result(form, fields(form, false), false, BY_COORDINATOR_CONSENT_KEY);
    }

    private record Fields(String firstName, String lastName, String email, String country, String comment) {}

    private Fields fields(FormFields form, boolean emailRequired) {
        String firstName = form.name("first_name", true, 100);
        String lastName = form.name("last_name", true, 100);
        String email = form.email("email", emails, emailRequired);
        String country = form.text("country", true, 2);
        if (country != null && !countries.isValid(country)) form.error("country", "invalid");
        String comment = form.text("comment", false, 1000);
        return new Fields(firstName, lastName, email, country, comment);
    }

    private static FormResult result(FormFields form, Fields f, boolean updates, String consentKey) {
        NewSignature signature = form.errors.isEmpty()
                ? new NewSignature(f.email(), null, null, null, null, f.firstName(), f.lastName(), f.comment(), f.country(), updates,
                        consentKey, Listing.NAME)
                : null;
        return new FormResult(form.values, List.copyOf(form.errors), signature);
    }
}
