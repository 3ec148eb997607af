package org.undersigned.publishing;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.coordinator.Coordinator;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.Question;
import org.undersigned.text.Languages;
import org.undersigned.web.FieldError;
import org.undersigned.web.Localization;

/** A petition's own questions on its sign-on form: list and add, edit, move up or down, take off the form. */
final class QuestionRoutes {
    private final PetitionAccess access;
    private final QuestionEditor editor;

    QuestionRoutes(PetitionAccess access, QuestionEditor editor) {
        this.access = access;
        this.editor = editor;
    }

    void register(RoutesConfig routes) {
        for (Kind kind : Kind.values()) {
            String path = "/admin/" + kind.plural() + "/{slug}/questions";
            routes.get(path, ctx -> list(ctx, kind));
            routes.post(path, ctx -> add(ctx, kind));
            routes.get(path + "/{id}", ctx -> edit(ctx, kind));
            routes.post(path + "/{id}", ctx -> change(ctx, kind));
        }
    }

    private void list(Context ctx, Kind kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        render(ctx, petition, null, Map.of("type", "text"), List.of());
    }

    private void add(Context ctx, Kind kind) {
        Coordinator me = AdminAccess.coordinator(ctx);
        Petition petition = access.manageable(me, kind, ctx.pathParam("slug"));
        QuestionEditor.Outcome outcome = editor.check(petition, ctx.formParamMap());
        if (!outcome.ok()) {
            render(ctx.status(HttpStatus.BAD_REQUEST), petition, null, outcome.values(), outcome.errors());
            return;
        }
        editor.add(me, petition, outcome);
        ctx.redirect(listPath(petition) + "?saved=1", HttpStatus.SEE_OTHER);
    }

    private void edit(Context ctx, Kind kind) {
        Petition petition = access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
        Question question = question(petition, ctx);
        Map<String, String> values = new HashMap<>();
        values.put("type", question.type().code());
        values.put("required", question.required() ? "yes" : "");
        question.wordings().forEach((lang, w) -> {
            values.put("label_" + lang, w.label());
            values.put("options_" + lang, String.join("\n", w.options()));
        });
        render(ctx, petition, question, values, List.of());
    }

    /** The edit form saves; the list's buttons send action=up, down or remove. */
    private void change(Context ctx, Kind kind) {
        Coordinator me = AdminAccess.coordinator(ctx);
        Petition petition = access.manageable(me, kind, ctx.pathParam("slug"));
        Question question = question(petition, ctx);
        String action = ctx.formParam("action");
        if ("up".equals(action) || "down".equals(action)) {
            editor.move(me, petition, question.id(), "up".equals(action) ? -1 : 1);
        } else if ("remove".equals(action)) {
            editor.remove(me, petition, question.id());
        } else {
            QuestionEditor.Outcome outcome = editor.check(petition, ctx.formParamMap());
            if (!outcome.ok()) {
                render(ctx.status(HttpStatus.BAD_REQUEST), petition, question, outcome.values(), outcome.errors());
                return;
            }
            editor.update(me, petition, question.id(), outcome);
        }
        ctx.redirect(listPath(petition) + "?saved=1", HttpStatus.SEE_OTHER);
    }

    /** One of the petition's questions still on its form; any other id does not exist here. */
    private Question question(Petition petition, Context ctx) {
        String raw = ctx.pathParam("id");
        long id = raw.matches("\\d{1,18}") ? Long.parseLong(raw) : -1;
        return editor.questions(petition).stream().filter(q -> q.id() == id && q.removedAt() == null).findFirst()
                .orElseThrow(NotFoundResponse::new);
    }

    private static String listPath(Petition petition) {
        return "/admin" + petition.path() + "/questions";
    }

    private void render(Context ctx, Petition petition, Question editing, Map<String, String> values, List<FieldError> errors) {
        var locale = Localization.of(ctx);
        String own = petition.lang();
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        model.put("questions", editor.questions(petition).stream().filter(q -> q.removedAt() == null)
                .map(q -> Map.of("id", q.id(), "type", q.type().code(), "required", q.required(), "label", q.label(own),
                        "options", q.wordings().get(own).options(), "languages", List.copyOf(q.wordings().keySet())))
                .toList());
        model.put("wordingLanguages", editor.languages(petition).stream().map(code -> Map.of("code", code, "name", Languages.name(code, locale),
                "dir", Languages.direction(code), "own", code.equals(own))).toList());
        if (editing != null) model.put("editing", editing.id());
        model.put("saved", ctx.queryParam("saved") != null);
        model.put("values", values);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        ctx.render(editing == null ? "admin/questions.peb" : "admin/question_form.peb", model);
    }
}
