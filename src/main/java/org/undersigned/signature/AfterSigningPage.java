package org.undersigned.signature;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionText;
import org.undersigned.web.ClientAddress;
import org.undersigned.web.FieldError;
import org.undersigned.web.PageRenderer;
import org.undersigned.web.SecurityHeaders;

/**
 * The "check your email" page, after a sign-on and after each of its offers (see {@link AfterSigning}):
 * the address, the likely fix of a mistyped domain, the form that sends the mail again and the
 * one that corrects the address. It works without JavaScript: each offer is a plain form.
 */
public final class AfterSigningPage {
    private static final String TEMPLATE = "signature/check_email.peb";
    private final AfterSigning offers;
    private final EmailAddress emails;
    private final EmailTypos typos;
    private final ClientAddress clientAddress;
    private final PageRenderer renderer;

    AfterSigningPage(AfterSigning offers, EmailAddress emails, EmailTypos typos, ClientAddress clientAddress, PageRenderer renderer) {
        this.offers = offers;
        this.emails = emails;
        this.typos = typos;
        this.clientAddress = clientAddress;
        this.renderer = renderer;
    }

    /** The page for a sign-on just stored under this address (the same page for every signer but for the address and handle). */
    String signed(Context ctx, Petition petition, boolean embed, String email) {
        return render(ctx, petition, embed, email, null, List.of(), "");
    }

    /** POST {petition}/signatures/resend: the confirmation mail once more, within the caps. */
    public void resend(Context ctx, PetitionText text, boolean embed) {
        SecurityHeaders.noStore(ctx);
        Petition petition = text.petition();
        String email = ctx.formParam("signed_as");
        AfterSigning.Outcome outcome = offers.resend(petition, email, ctx.formParam("handle"), clientAddress.hashOf(ctx));
        if (outcome == AfterSigning.Outcome.EXPIRED) {
            ended(ctx.status(HttpStatus.GONE), petition, embed, "check_email.expired.text");
            return;
        }
        ctx.html(render(ctx, petition, embed, email, outcome, List.of(), ""));
    }

    /** POST {petition}/signatures/correct: the sign-on moved to the address typed in {@code email}. */
    public void correct(Context ctx, PetitionText text, boolean embed) {
        SecurityHeaders.noStore(ctx);
        Petition petition = text.petition();
        String email = ctx.formParam("signed_as");
        String handle = ctx.formParam("handle");
        if (!offers.holds(petition, email, handle)) {
            ended(ctx.status(HttpStatus.GONE), petition, embed, "check_email.expired.text");
            return;
        }
        FormFields form = new FormFields(ctx.formParamMap());
        String typed = form.email("email", emails);
        if (typed != null && emails.key(typed).equals(emails.key(email))) form.error("email", "same");
        else if (typed != null && !petition.isOpen()) form.errors.add(new FieldError("email", "error.form.closed"));
        if (!form.errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).html(render(ctx, petition, embed, email, null, form.errors, form.values.get("email")));
            return;
        }
        AfterSigning.Outcome outcome = offers.correct(petition, email, handle, typed, clientAddress.hashOf(ctx));
        switch (outcome) {
            case EXPIRED -> ended(ctx.status(HttpStatus.GONE), petition, embed, "check_email.expired.text");
            case NOT_CORRECTABLE -> ended(ctx.status(HttpStatus.CONFLICT), petition, embed, "check_email.not_correctable.text");
            default -> ctx.html(render(ctx, petition, embed, typed, outcome, List.of(), ""));
        }
    }

    /**
     * Rendered once per petition, language, notice and problem with marks for the address, the
     * handle, what was typed and the suggestion (see {@link PageRenderer#render(String, Map, Map, Context)}):
     * in a spike this page is answered thousands of times a second.
     */
    private String render(Context ctx, Petition petition, boolean embed, String email, AfterSigning.Outcome notice,
                          List<FieldError> errors, String typed) {
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        model.put("embed", embed);
        model.put("currentPath", Signing.switchPath(petition, embed));
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        if (notice != null) model.put("notice", notice.name());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", email);
        values.put("handle", offers.handle(petition, email));
        values.put("typed", typed);
        // a likely slip in the domain: offered once, on the page of the address as typed, never after a correction
        if (notice != AfterSigning.Outcome.CORRECTED) typos.suggest(email).ifPresent(fix -> values.put("suggestion", fix));
        return renderer.render(TEMPLATE, model, values, ctx);
    }

    private void ended(Context ctx, Petition petition, boolean embed, String textKey) {
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        model.put("embed", embed);
        model.put("currentPath", Signing.switchPath(petition, embed));
        model.put("textKey", textKey);
        ctx.render("signature/after_signing_ended.peb", model);
    }
}
