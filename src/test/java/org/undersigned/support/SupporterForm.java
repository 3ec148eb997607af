package org.undersigned.support;

/** Fills a campaign's supporter form the way a person would. */
public final class SupporterForm {
    private SupporterForm() {}

    public static Form filled(Page campaignPage, String firstName, String country, String email) {
        return campaignPage.form("form#sign-on")
                .set("first_name", firstName)
                .set("last_name", "Supporter")
                .set("email", email)
                .set("country", country)
                .tick("consent");
    }

    public static Page sign(Browser browser, String campaignPath, String firstName, String country, String email) {
        return filled(browser.get(campaignPath), firstName, country, email).submit();
    }
}
