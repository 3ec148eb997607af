package org.undersigned.publishing;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.petition.Kind;
import org.undersigned.petition.PetitionStatus;
import org.undersigned.web.FieldError;
import org.undersigned.text.Languages;
import org.undersigned.text.Text;

/** The coordinators' form for a statement or campaign: fields, limits, checks. */
final class PetitionForm {
    static final int MAX_BODY = 60_000;
    /** Who initiated it, to whom it is addressed: a line each, shown near the title. */
    static final int MAX_BYLINE = 500;

    record Result(Map<String, String> values, List<FieldError> errors, PetitionDraft draft) {}

    private PetitionForm() {}

    static Result parse(Kind kind, Map<String, List<String>> params) {
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        String title = Text.line(first(params, "title"));
        values.put("title", title);
        if (title.isEmpty()) errors.add(new FieldError("title", "error.title.required"));
        else if (Text.length(title) > 300) errors.add(new FieldError("title", "error.title.too_long"));

        String slug = Text.line(first(params, "slug"));
        values.put("slug", slug);
        if (slug.isEmpty()) slug = Slugs.from(title);
        if (!slug.isEmpty() && (!slug.matches(Slugs.PATTERN) || slug.length() > Slugs.MAX_LENGTH)) {
            errors.add(new FieldError("slug", "error.slug.invalid"));
        } else if (slug.isEmpty() && !title.isEmpty()) {
            errors.add(new FieldError("slug", "error.slug.required"));
        }

        String lang = Text.line(first(params, "lang")).toLowerCase(java.util.Locale.ROOT);
        values.put("lang", lang);
        if (!lang.isEmpty() && !Languages.isKnown(lang)) errors.add(new FieldError("lang", "error.lang.invalid"));

        String summary = Text.line(first(params, "summary"));
        values.put("summary", summary);
        if (Text.length(summary) > 500) errors.add(new FieldError("summary", "error.summary.too_long"));

        String body = Text.block(first(params, "body"));
        values.put("body", body);
        if (body.isEmpty()) errors.add(new FieldError("body", "error.body.required"));
        else if (body.length() > MAX_BODY) errors.add(new FieldError("body", "error.body.too_long"));

        String statusCode = Text.line(first(params, "status"));
        values.put("status", statusCode);
        PetitionStatus status = PetitionStatus.of(statusCode).filter(PetitionStatus.CHOSEN::contains).orElse(null);
        if (status == null) errors.add(new FieldError("status", "error.status.invalid"));

        Long opensAt = time(params, "opens_at", values, errors);
        Long closesAt = time(params, "closes_at", values, errors);
        if (opensAt != null && closesAt != null && closesAt <= opensAt) errors.add(new FieldError("closes_at", "error.closes_at.before_opening"));

        boolean needsApproval = "yes".equals(first(params, "needs_approval"));
        values.put("needs_approval", needsApproval ? "yes" : "");
        boolean digest = "yes".equals(first(params, "digest"));
        values.put("digest", digest ? "yes" : "");

        // anything but the wall is the plain list: a campaign's supporters are never named anyway
        String listStyle = kind == Kind.STATEMENT && "logos".equals(first(params, "list_style")) ? "logos" : "names";
        values.put("list_style", listStyle);

        Integer goal = null;
        String imageUrl = null;
        if (kind == Kind.CAMPAIGN) {
            String goalText = Text.line(first(params, "goal")).replaceAll("[\\s,.']", "");
            values.put("goal", goalText);
            try {
                goal = Integer.valueOf(goalText);
                if (goal < 1 || goal > 100_000_000) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.add(new FieldError("goal", "error.goal.invalid"));
            }
            imageUrl = Text.line(first(params, "image_url"));
            values.put("image_url", imageUrl);
            if (imageUrl.isEmpty()) imageUrl = null;
            else if (!isHttpsUrl(imageUrl)) errors.add(new FieldError("image_url", "error.image_url.invalid"));
        }
        String consent = Text.line(first(params, "consent_text"));
        values.put("consent_text", consent);
        if (Text.length(consent) > 1000) errors.add(new FieldError("consent_text", "error.consent_text.too_long"));

        String replyTo = Text.line(first(params, "reply_to"));
        values.put("reply_to", replyTo);
        if (Text.length(replyTo) > 254) errors.add(new FieldError("reply_to", "error.email.too_long"));
        else if (!replyTo.isEmpty() && !replyTo.matches("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;]+")) {
            errors.add(new FieldError("reply_to", "error.email.invalid"));
        }

        String initiatedBy = Text.line(first(params, "initiated_by"));
        values.put("initiated_by", initiatedBy);
        if (Text.length(initiatedBy) > MAX_BYLINE) errors.add(new FieldError("initiated_by", "error.initiated_by.too_long"));
        String addressedTo = Text.line(first(params, "addressed_to"));
        values.put("addressed_to", addressedTo);
        if (Text.length(addressedTo) > MAX_BYLINE) errors.add(new FieldError("addressed_to", "error.addressed_to.too_long"));

        PetitionDraft draft = errors.isEmpty()
                ? new PetitionDraft(title, slug, summary, body, status, opensAt, closesAt, needsApproval, goal, imageUrl,
                        consent.isEmpty() ? null : consent, digest, lang.isEmpty() ? null : lang, replyTo.isEmpty() ? null : replyTo,
                        initiatedBy.isEmpty() ? null : initiatedBy, addressedTo.isEmpty() ? null : addressedTo, listStyle)
                : null;
        return new Result(values, errors, draft);
    }

    private static Long time(Map<String, List<String>> params, String field, Map<String, String> values, List<FieldError> errors) {
        String text = Text.line(first(params, field));
        values.put(field, text);
        if (text.isEmpty()) return null;
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "error.time.invalid"));
            return null;
        }
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && url.length() <= 500;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A form field's first value, or null when it was not sent. */
    static String first(Map<String, List<String>> params, String name) {
        List<String> given = params.get(name);
        return given == null || given.isEmpty() ? null : given.get(0);
    }
}
