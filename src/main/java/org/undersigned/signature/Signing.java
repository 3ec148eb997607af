package org.undersigned.signature;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionText;
import org.undersigned.web.AfterWrites;
import org.undersigned.web.ClientAddress;
import org.undersigned.web.FieldError;
import org.undersigned.web.FormToken;
import org.undersigned.web.Localization;
import org.undersigned.web.SecurityHeaders;

/**
 * What every sign-on route does with a submitted form, whatever is being signed: refuse a closed
 * petition, check the fields and the form token, and hand a valid signature to {@link SignOn}.
 */
public final class Signing {
    /** A form as checked: its values and problems, the status to show them with, and the signature when there are none. */
    private record Checked(HttpStatus status, Map<String, String> values, List<FieldError> errors, NewSignature signature,
                           Answers.Given answers) {}

    /** A field people never see or fill; bots that fill every field do. */
    public static final String HONEYPOT = "contact_phone";
    /** The button of the form's "did you mean" hint: its value is the address to use instead. */
    public static final String USE_EMAIL = "use_email";
    private final SignOn signOn;
    private final FormToken formToken;
    private final ClientAddress clientAddress;
    private final AfterWrites afterWrites;
    private final AfterSigningPage afterSigning;
    private final EmailTypos typos;

    Signing(SignOn signOn, FormToken formToken, ClientAddress clientAddress, AfterWrites afterWrites, AfterSigningPage afterSigning,
            EmailTypos typos) {
        this.afterWrites = afterWrites;
        this.afterSigning = afterSigning;
        this.typos = typos;
        this.signOn = signOn;
        this.formToken = formToken;
        this.clientAddress = clientAddress;
    }

    /** Shows a petition's page with its form: empty, or with the values and problems of a failed attempt. */
    @FunctionalInterface
    public interface FormPage {
        void render(Context ctx, Map<String, String> values, List<FieldError> errors);
    }

    /**
     * The whole POST: sign and tell the signer to check their mail, or show the form again. The
     * request's thread goes back to Jetty while the sign-on waits for its group commit; the page
     * is sent once the sign-on is durable.
     */
    public void handle(Context ctx, PetitionText text, SignatureForm form, boolean embed, FormPage page) {
        SecurityHeaders.noStore(ctx);
        Petition petition = text.petition();
        Checked checked = check(ctx, text, form);
        // the image work is done here, on the request's thread, before the sign-on's transaction
        UploadedLogo logo = checked.status() == HttpStatus.CONFLICT ? UploadedLogo.NONE : UploadedLogo.read(ctx, petition);
        if (!checked.errors().isEmpty() || logo.error() != null) {
            List<FieldError> errors = new ArrayList<>(checked.errors());
            if (logo.error() != null) errors.add(logo.error());
            page.render(ctx.status(checked.status() == HttpStatus.OK ? HttpStatus.BAD_REQUEST : checked.status()), checked.values(), errors);
            return;
        }
        String honeypot = ctx.formParam(HONEYPOT);
        String referral = Referral.of(ctx.formParam(Referral.FIELD), ctx.header("Referer"), ctx.host() == null ? null : hostOnly(ctx.host()));
        CompletableFuture<Void> stored = signOn.sign(petition,
                Localization.versionChosen(ctx, text.languages(), text.languages().get(0)), checked.signature(), checked.answers(),
                Localization.of(ctx), new Origin(clientAddress.hashOf(ctx), honeypot != null && !honeypot.isEmpty(), referral), logo.stored());
        // the same page for every signer of this petition in this language, but for the address (and its handle)
        String email = checked.signature().email();
        ctx.future(() -> afterWrites.answer(stored, signed -> ctx.html(afterSigning.signed(ctx, petition, embed, email))));
    }

    /** The "check your email" page's offers: send again, correct the address. */
    public AfterSigningPage afterSigning() {
        return afterSigning;
    }

    /** What every sign-on form's template needs, whatever is signed. */
    public Map<String, Object> formModel(Petition petition, Map<String, String> values, List<FieldError> errors, boolean embed) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("petition", petition);
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("formToken", formToken.issue(petition.kind().code()));
        model.put("embed", embed);
        model.put("currentPath", switchPath(petition, embed));
        model.put("logoMegabytes", org.undersigned.site.LogoImage.MAX_BYTES / (1024 * 1024));
        // a hint only, when the form comes back for another reason: a click on it resubmits the form with the fixed address
        if (!errors.isEmpty()) typos.suggest(values.get("email")).ifPresent(fix -> model.put("emailSuggestion", fix));
        return model;
    }

    /**
     * The form's fields with the address replaced by the suggested one, when the signer clicked the
     * form's "Use jane@gmail.com" button (its name is {@link #USE_EMAIL}, its value the address).
     */
    private static Map<String, List<String>> withSuggestion(Map<String, List<String>> params, String suggested) {
        if (suggested == null || suggested.isBlank()) return params;
        Map<String, List<String>> fixed = new java.util.HashMap<>(params);
        fixed.put("email", List.of(suggested));
        return fixed;
    }

    /** Where the language switcher of a sign-on's answer (a POST) leads: the petition's own page, never a resubmission. */
    static String switchPath(Petition petition, boolean embed) {
        return embed ? petition.path() + "/embed" : petition.path();
    }

    private Checked check(Context ctx, PetitionText text, SignatureForm form) {
        Petition petition = text.petition();
        if (!petition.isOpen()) {
            return new Checked(HttpStatus.CONFLICT, Map.of(), List.of(new FieldError("main", "error.form.closed")), null, null);
        }
        Map<String, List<String>> params = withSuggestion(ctx.formParamMap(), ctx.formParam(USE_EMAIL));
        FormResult result = form.parse(params);
        List<FieldError> errors = new ArrayList<>(result.errors());
        Map<String, String> values = result.values();
        Answers.Given answers = Answers.Given.NONE;
        if (!text.questions().isEmpty()) {
            FormFields asked = new FormFields(params);
            answers = Answers.read(asked, text.questions());
            values = new java.util.LinkedHashMap<>(values);
            values.putAll(asked.values);
            errors.addAll(asked.errors);
        }
        String referral = ctx.formParam(Referral.FIELD);
        if (referral != null && !referral.isBlank() && !errors.isEmpty()) {
            // the form shown again keeps it: its page's script no longer sees where the reader came from
            values = new java.util.LinkedHashMap<>(values);
            values.put(Referral.FIELD, referral.length() > 200 ? referral.substring(0, 200) : referral);
        }
        if (!formToken.isValid(petition.kind().code(), ctx.formParam(FormToken.FIELD))) {
            String firstField = result.values().keySet().iterator().next();
            errors.add(0, new FieldError(firstField, "error.form.expired"));
        }
        return new Checked(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, values, errors, result.signature(), answers);
    }

    /** The Host header without its port: the site's own pages are no referral. */
    private static String hostOnly(String host) {
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }
}
