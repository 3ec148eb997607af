package org.undersigned.support;

/** Fills a statement's sign-on form the way an organisation would. */
public final class SignOnForm {
    private SignOnForm() {}

    public static Form filled(Page statementPage, String organisation, String country, String email) {
        return statementPage.form("form#sign-on")
                .set("organisation", organisation)
                .set("country", country)
                .set("org_type", "ngo")
                .set("website", "https://" + organisation.toLowerCase().replaceAll("[^a-z]+", "") + ".example.org")
                .set("contact_name", "Contact of " + organisation)
                .set("email", email)
                .tick("consent_publish");
    }

    public static Page sign(Browser browser, String statementPath, String organisation, String country, String email) {
        return filled(browser.get(statementPath), organisation, country, email).submit();
    }
}
