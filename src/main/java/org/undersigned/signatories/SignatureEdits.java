package org.undersigned.signatories;

import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.SignatureState;
import org.undersigned.signature.ByHand;
import org.undersigned.signature.EmailAddress;
import org.undersigned.signature.FormResult;
import org.undersigned.signature.NewSignature;
import org.undersigned.signature.OrganisationLogos;
import org.undersigned.signature.SignatureForm;
import org.undersigned.text.Text;
import org.undersigned.web.FieldError;

/**
 * What coordinators change in signatures themselves: every field of one (its listed name too),
 * and a signature added by hand. Both check the fields as the public form of the petition's kind
 * does ({@link SignatureForm#byCoordinator}); each change and its audit entry, which holds the old
 * and the new values, are one transaction. An address may sign a petition once: an edit or an
 * addition with one that has already signed it is refused, and nothing changes.
 */
public final class SignatureEdits {
    static final int MAX_NAME = 200;
    static final int MAX_SOURCE_NOTE = 500;
    private final Database database;
    private final Audit audit;
    private final Map<Kind, SignatureForm> forms;
    private final ByHand byHand;
    private final EmailAddress emails;
    private final Clock clock;

    /** The values and problems to show the form with (none: done), the status to show them with, and the signature's id. */
    record Result(Map<String, String> values, List<FieldError> errors, HttpStatus status, Long id) {
        boolean done() {
            return errors.isEmpty();
        }

        static Result refused(Map<String, String> values, Long id, FieldError error, HttpStatus status) {
            return new Result(values, List.of(error), status, id);
        }
    }

    public SignatureEdits(Database database, Audit audit, Map<Kind, SignatureForm> forms, ByHand byHand, EmailAddress emails, Clock clock) {
        this.clock = clock;
        this.database = database;
        this.audit = audit;
        this.forms = Map.copyOf(forms);
        this.byHand = byHand;
        this.emails = emails;
    }

    /** The edit form's fields as the signature holds them now; display_name is empty while it is listed as submitted. */
    static Map<String, String> values(SignatoryRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("organisation", row.organisation());
        values.put("display_name", row.displayName());
        values.put("country", row.country());
        values.put("org_type", row.orgType());
        values.put("website", row.website());
        values.put("contact_name", row.contactName());
        values.put("first_name", row.firstName());
        values.put("last_name", row.lastName());
        values.put("email", row.email());
        values.put("comment", row.comment());
        values.put("listing", row.listing().code());
        values.replaceAll((field, value) -> value == null ? "" : value);
        return values;
    }

    /**
     * Replaces the signature's fields with the submitted ones; a field the request does not carry
     * keeps its value (a request with only display_name renames, as before). display_name blank,
     * or the organisation's own name: listed under the organisation's name. A withdrawn or
     * anonymised signature keeps nothing to correct (409); one not of this petition does not exist (404).
     */
    Result edit(Coordinator me, Petition petition, long id, Map<String, List<String>> submitted) {
        SignatoryRow row = database.reads().withExtension(SignatoryQueries.class, q -> q.one(petition.id(), id))
                .orElseThrow(NotFoundResponse::new);
        Map<String, List<String>> params = new HashMap<>();
        values(row).forEach((field, value) -> params.put(field, List.of(value)));
        params.putAll(submitted);
        FormResult form = forms.get(petition.kind()).byCoordinator(params);
        Map<String, String> values = new LinkedHashMap<>(form.values());
        String shown = Text.line(first(params, "display_name"));
        values.put("display_name", shown);
        if (row.state() == SignatureState.WITHDRAWN) {
            return Result.refused(values, id, new FieldError("organisation", "error.signature.withdrawn"), HttpStatus.CONFLICT);
        }
        List<FieldError> errors = new ArrayList<>(form.errors());
        if (Text.length(shown) > MAX_NAME) errors.add(new FieldError("display_name", "error.display_name.too_long"));
        if (!errors.isEmpty()) return new Result(values, errors, HttpStatus.BAD_REQUEST, id);
        NewSignature s = form.signature();
        String emailKey = s.email() == null ? null : emails.key(s.email());
        // supporters are never listed by name: a campaign's signatures have no listed name to change
        String displayName = petition.kind() != Kind.STATEMENT || shown.isEmpty() || shown.equals(s.organisation()) ? null : shown;
        return database.writer().write(h -> {
            SignatoryQueries q = h.attach(SignatoryQueries.class);
            SignatoryRow before = q.one(petition.id(), id).orElseThrow(NotFoundResponse::new);
            if (emailKey != null && q.emailTaken(petition.id(), emailKey, id)) {
                return Result.refused(values, id, new FieldError("email", "error.email.taken"), HttpStatus.BAD_REQUEST);
            }
            String changes = changes(before, s, displayName);
            if (changes.isEmpty()) return new Result(values, List.of(), HttpStatus.OK, id);
            if (q.edit(petition.id(), id, s.organisation(), displayName, s.orgType(), s.website(), s.contactName(), s.firstName(),
                    s.lastName(), s.email() == null ? "" : s.email(), emailKey, s.country(), s.comment(), s.listing().code()) == 0) {
                return Result.refused(values, id, new FieldError("organisation", "error.signature.withdrawn"), HttpStatus.CONFLICT);
            }
            audit.record(h, me.id(), me.email(), "edit_signature", petition.path() + "#" + id, changes);
            return new Result(values, List.of(), HttpStatus.OK, id);
        });
    }

    /**
     * Gives a statement's signature a logo for the logo wall, or takes it away (logo null), with
     * its audit entry; the public page shows the change at once. False when there was nothing to take away.
     */
    public boolean setLogo(Coordinator me, Petition petition, long id, OrganisationLogos.Stored logo) {
        return database.writer().write(h -> {
            h.attach(SignatoryQueries.class).one(petition.id(), id).orElseThrow(NotFoundResponse::new);
            String detail;
            if (logo == null) {
                if (!OrganisationLogos.remove(h, id)) return false;
                detail = "logo removed";
            } else {
                detail = OrganisationLogos.of(h, id).isPresent() ? "logo replaced" : "logo added";
                OrganisationLogos.put(h, id, logo, clock.millis());
            }
            // the logo is in no column the page's version follows
            h.createUpdate("UPDATE petitions SET public_version = public_version + 1 WHERE id = :id").bind("id", petition.id()).execute();
            audit.record(h, me.id(), me.email(), "edit_signature", petition.path() + "#" + id, detail);
            return true;
        });
    }

    /** The signature's logo, for its coordinators' page. */
    public Optional<OrganisationLogos.Stored> logo(Petition petition, long id) {
        return database.reads().withHandle(h -> h.attach(SignatoryQueries.class).one(petition.id(), id).isEmpty()
                ? Optional.<OrganisationLogos.Stored>empty() : OrganisationLogos.of(h, id));
    }

    /**
     * Adds a signature received by email or on paper, marked as added by a coordinator with their
     * note: listed at once, or, with {@code confirm}, pending until its contact confirms it from the
     * usual mail (in {@code signerLocale}), which needs an address.
     */
    Result add(Coordinator me, Petition petition, Map<String, List<String>> params, Locale signerLocale) {
        FormResult form = forms.get(petition.kind()).byCoordinator(params);
        Map<String, String> values = new LinkedHashMap<>(form.values());
        String note = Text.line(first(params, "source_note"));
        boolean confirm = "yes".equals(first(params, "confirm"));
        values.put("source_note", note);
        values.put("confirm", confirm ? "yes" : "");
        List<FieldError> errors = new ArrayList<>(form.errors());
        boolean emailMissing = errors.stream().noneMatch(e -> e.field().equals("email")) && Text.line(first(params, "email")).isEmpty();
        if (confirm && emailMissing) errors.add(new FieldError("email", "error.email.required_to_confirm"));
        if (Text.length(note) > MAX_SOURCE_NOTE) errors.add(new FieldError("source_note", "error.source_note.too_long"));
        if (!errors.isEmpty()) return new Result(values, errors, HttpStatus.BAD_REQUEST, null);
        NewSignature s = form.signature();
        return database.writer().write(h -> {
            Optional<Long> id = byHand.add(h, petition, s, ByHand.Source.COORDINATOR, note.isEmpty() ? null : note, confirm, signerLocale);
            if (id.isEmpty()) return Result.refused(values, null, new FieldError("email", "error.email.taken"), HttpStatus.BAD_REQUEST);
            String name = s.organisation() != null ? s.organisation() : s.firstName() + " " + s.lastName();
            audit.record(h, me.id(), me.email(), "add_signature", petition.path() + "#" + id.get(),
                    name + (s.listing().named() ? "" : " (listing: " + s.listing().code() + ")") + (confirm ? " (confirmation mailed)" : "") + (note.isEmpty() ? "" : ": " + note));
            return new Result(values, List.of(), HttpStatus.OK, id.get());
        });
    }

    /** Each field that changes, as field: "old" → "new", in the form's order; empty when nothing does. */
    private static String changes(SignatoryRow before, NewSignature s, String displayName) {
        Map<String, String> after = new LinkedHashMap<>();
        after.put("organisation", s.organisation());
        after.put("display_name", displayName);
        after.put("country", s.country());
        after.put("org_type", s.orgType());
        after.put("website", s.website());
        after.put("contact_name", s.contactName());
        after.put("first_name", s.firstName());
        after.put("last_name", s.lastName());
        after.put("email", s.email());
        after.put("comment", s.comment());
        after.put("listing", s.listing().code());
        Map<String, String> old = values(before);
        List<String> changed = new ArrayList<>();
        after.forEach((field, value) -> {
            String now = value == null ? "" : value;
            if (!Objects.equals(old.get(field), now)) changed.add(field + ": \"" + old.get(field) + "\" → \"" + now + "\"");
        });
        return String.join("; ", changed);
    }

    private static String first(Map<String, List<String>> params, String field) {
        List<String> given = params.get(field);
        return given == null || given.isEmpty() ? null : given.get(0);
    }
}
