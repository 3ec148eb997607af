package org.undersigned.publishing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.undersigned.petition.GoalSteps;
import org.undersigned.petition.Kind;
import org.undersigned.petition.NextStep;
import org.undersigned.petition.Presentation;
import org.undersigned.text.Text;
import org.undersigned.web.FieldError;

/** The petition form's part on how its pages present it: goal steps (campaigns), the thank-you page's next step, the image's description. */
final class PresentationForm {
    private PresentationForm() {}

    /** Reads the fields into values (as typed) and errors; the presentation when they are valid. */
    static Optional<Presentation> parse(Kind kind, Map<String, List<String>> params, Map<String, String> values, List<FieldError> errors) {
        int before = errors.size();
        String steps = null;
        String imageAlt = null;
        if (kind == Kind.CAMPAIGN) {
            String typed = Text.line(PetitionForm.first(params, "goal_steps"));
            values.put("goal_steps", typed);
            Optional<GoalSteps> parsed = GoalSteps.parse(typed);
            if (parsed.isEmpty()) errors.add(new FieldError("goal_steps", "error.goal_steps.invalid"));
            else if (!parsed.get().steps().isEmpty()) steps = parsed.get().text();
            imageAlt = Text.line(PetitionForm.first(params, "image_alt"));
            values.put("image_alt", imageAlt);
            if (Text.length(imageAlt) > 300) errors.add(new FieldError("image_alt", "error.image_alt.too_long"));
            if (imageAlt.isEmpty()) imageAlt = null;
        }
        String nextCode = Text.line(PetitionForm.first(params, "next_step"));
        values.put("next_step", nextCode);
        NextStep next = NextStep.of(nextCode).orElse(null);
        if (next == null && !nextCode.isEmpty()) errors.add(new FieldError("next_step", "error.next_step.invalid"));
        String url = Text.line(PetitionForm.first(params, "next_step_url"));
        values.put("next_step_url", url);
        if (url.isEmpty()) {
            url = null;
            if (next != null) errors.add(new FieldError("next_step_url", "error.next_step_url.required"));
        } else if (!isHttps(url)) {
            errors.add(new FieldError("next_step_url", "error.next_step_url.invalid"));
        } else if (next == null) {
            errors.add(new FieldError("next_step", "error.next_step.required"));
        }
        return errors.size() > before ? Optional.empty() : Optional.of(new Presentation(steps, next, url, imageAlt));
    }

    /** The values the form shows for what is stored. */
    static void values(Presentation p, Map<String, String> values) {
        values.put("goal_steps", p.goalSteps() == null ? "" : p.goalSteps());
        values.put("next_step", p.nextStep() == null ? "" : p.nextStep().code());
        values.put("next_step_url", p.nextStepUrl() == null ? "" : p.nextStepUrl());
        values.put("image_alt", p.imageAlt() == null ? "" : p.imageAlt());
    }

    /** A signer follows this link from our page: https only, to a named host, nothing that could run script. */
    private static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty() && url.length() <= 500;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
