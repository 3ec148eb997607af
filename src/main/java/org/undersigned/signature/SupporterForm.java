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
        String firstName = form.name("first_name", true, 100);
        String lastName = form.name("last_name", true, 100);
        String email = form.email("email", emails);
        String country = form.text("country", true, 2);
        if (country != null && !countries.isValid(country)) form.error("country", "invalid");
        String comment = form.text("comment", false, 1000);
        form.checkbox("consent", true);
        boolean updates = form.checkbox("updates", false);
        NewSignature signature = form.errors.isEmpty()
                ? new NewSignature(email, null, null, null, null, firstName, lastName, comment, country, updates, CONSENT_KEY)
                : null;
        return new FormResult(form.values, List.copyOf(form.errors), signature);
    }
}
