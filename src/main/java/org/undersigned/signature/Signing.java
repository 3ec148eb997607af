package org.undersigned.signature;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionText;
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
    /** What happened: signed (no errors), or the values and problems to show again with the status. */
    public record Outcome(HttpStatus status, Map<String, String> values, List<FieldError> errors, String email) {
        public boolean signed() {
            return errors.isEmpty();
        }
    }

    /** A field people never see or fill; bots that fill every field do. */
    public static final String HONEYPOT = "contact_phone";
    private final SignOn signOn;
    private final FormToken formToken;
    private final ClientAddress clientAddress;

    Signing(SignOn signOn, FormToken formToken, ClientAddress clientAddress) {
        this.signOn = signOn;
        this.formToken = formToken;
        this.clientAddress = clientAddress;
    }

    /** Shows a petition's page with its form: empty, or with the values and problems of a failed attempt. */
    @FunctionalInterface
    public interface FormPage {
        void render(Context ctx, Map<String, String> values, List<FieldError> errors);
    }

    /** The whole POST: sign and tell the signer to check their mail, or show the form again. */
    public void handle(Context ctx, PetitionText text, SignatureForm form, boolean embed, FormPage page) {
        SecurityHeaders.noStore(ctx);
        Petition petition = text.petition();
        Outcome outcome = attempt(ctx, text, form);
        if (outcome.signed()) {
            ctx.render("signature/check_email.peb", Map.of("petition", petition, "email", outcome.email(), "embed", embed));
        } else {
            page.render(ctx.status(outcome.status()), outcome.values(), outcome.errors());
        }
    }

    /** What every sign-on form's template needs, whatever is signed. */
    public Map<String, Object> formModel(Petition petition, Map<String, String> values, List<FieldError> errors, boolean embed) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("petition", petition);
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        model.put("formToken", formToken.issue(petition.kind()));
        model.put("embed", embed);
        return model;
    }

    Outcome attempt(Context ctx, PetitionText text, SignatureForm form) {
        Petition petition = text.petition();
        if (!petition.isOpen()) {
            return new Outcome(HttpStatus.CONFLICT, Map.of(), List.of(new FieldError("main", "error.form.closed")), null);
        }
        FormResult result = form.parse(ctx.formParamMap());
        List<FieldError> errors = new ArrayList<>(result.errors());
        if (!formToken.isValid(petition.kind(), ctx.formParam(FormToken.FIELD))) {
            String firstField = result.values().keySet().iterator().next();
            errors.add(0, new FieldError(firstField, "error.form.expired"));
        }
        if (!errors.isEmpty()) return new Outcome(HttpStatus.BAD_REQUEST, result.values(), errors, null);
        String honeypot = ctx.formParam(HONEYPOT);
        signOn.sign(petition, text.languages().size() > 1, result.signature(), Localization.of(ctx),
                new Origin(clientAddress.hashOf(ctx), honeypot != null && !honeypot.isEmpty()));
        return new Outcome(HttpStatus.OK, result.values(), List.of(), result.signature().email());
    }
}
