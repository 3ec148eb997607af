package org.undersigned.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Browser;
import org.undersigned.support.Page;

class PresentationFormTest extends AppTest {

    @Test
    void coordinators_set_goal_steps_and_an_https_next_step_and_each_change_is_audited() {
        Browser admin = app.admin();
        Page refused = admin.get("/admin/campaigns/new").form("form.petition-form")
                .set("title", "Clinics for all").set("body", "Sign").set("goal", "500").set("status", "open")
                .set("goal_steps", "100, 50").set("next_step", "donate").set("next_step_url", "javascript:alert(1)").submit();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select(".error-summary a").eachAttr("href")).containsExactly("#goal_steps", "#next_step_url");
        assertThat(refused.document().selectFirst(".error-summary").text())
                .contains("Enter the goal steps as whole numbers from 1 to 100000000, each larger than the one before")
                .contains("Enter an address that starts with https://, for example https://example.org/donate");
        assertThat(refused.document().selectFirst("#next_step_url").val()).isEqualTo("javascript:alert(1)"); // the input is kept
        assertThat(app.count("SELECT COUNT(*) FROM petitions")).isZero();

        Page saved = refused.form("form.petition-form").set("goal_steps", "50 100;500").set("next_step_url", "https://example.org/donate").submit();
        assertThat(saved.status()).isEqualTo(303);
        Page edit = admin.get("/admin/campaigns/clinics-for-all/edit");
        assertThat(edit.document().selectFirst("#goal_steps").val()).isEqualTo("50, 100, 500");
        assertThat(edit.document().selectFirst("#next_step option[selected]").val()).isEqualTo("donate");
        assertThat(app.browser.get("/campaigns/clinics-for-all").document().selectFirst("#counter progress").attr("max")).isEqualTo("50");

        Page missing = edit.form("form.petition-form").set("next_step_url", "").submit();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.document().select(".error-summary a").eachText()).containsExactly("Enter the next step's address, or choose \"None\"");

        edit.form("form.petition-form").set("goal_steps", "").set("next_step", "read").set("next_step_url", "https://example.org/more").submit();
        Page audit = admin.get("/admin/audit");
        assertThat(audit.document().select("tbody tr td:nth-child(3)").eachText()).contains("Changed the goal steps", "Changed the next step after signing");
        assertThat(audit.document().select("tbody tr td:nth-child(5)").eachText())
                .contains("50, 100, 500 → -", "donate https://example.org/donate → read https://example.org/more");
        // no steps: the goal alone
        assertThat(app.browser.get("/campaigns/clinics-for-all").document().selectFirst("#counter progress").attr("max")).isEqualTo("500");
    }
}
