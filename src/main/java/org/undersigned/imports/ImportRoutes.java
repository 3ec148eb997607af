package org.undersigned.imports;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.undersigned.coordinator.AdminAccess;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.text.Messages;
import org.undersigned.text.Text;
import org.undersigned.web.Localization;

/**
 * A petition's import of signatures from a CSV file: the upload form, the preview the upload
 * answers with (the mapping of columns chosen there, every row's problems), the confirmation
 * that starts the import, and its progress and report.
 */
public final class ImportRoutes {
    /** The file and the form's few fields. */
    public static final long MAX_REQUEST_BYTES = ImportFile.MAX_BYTES + 64 * 1024;
    private final PetitionAccess access;
    private final Imports imports;
    private final Messages messages;

    public ImportRoutes(PetitionAccess access, Imports imports, Messages messages) {
        this.access = access;
        this.imports = imports;
        this.messages = messages;
    }

    /** Whether a request's path is an upload of a file to import, which may be larger than other requests. */
    public static boolean isUpload(String path) {
        return path.startsWith("/admin/") && path.endsWith("/import");
    }

    public void register(RoutesConfig routes) {
        for (Kind kind : Kind.values()) {
            String path = "/admin/" + kind.plural() + "/{slug}/import";
            routes.get(path, ctx -> form(ctx, kind));
            routes.post(path, ctx -> upload(ctx, kind));
            routes.get(path + "/{id}", ctx -> show(ctx, kind));
            routes.post(path + "/{id}", ctx -> confirm(ctx, kind));
        }
    }

    private Petition petition(Context ctx, Kind kind) {
        return access.manageable(AdminAccess.coordinator(ctx), kind, ctx.pathParam("slug"));
    }

    private void form(Context ctx, Kind kind) {
        ctx.render("admin/import.peb", model(petition(ctx, kind)));
    }

    private void upload(Context ctx, Kind kind) throws IOException {
        Petition petition = petition(ctx, kind);
        UploadedFile file = ctx.uploadedFile("file");
        byte[] bytes = new byte[0];
        String fileName = "";
        if (file != null) {
            try (InputStream in = file.content()) {
                bytes = in.readNBytes(ImportFile.MAX_BYTES + 1);
            }
            fileName = fileName(file.filename());
        }
        Upload upload;
        try {
            upload = imports.store(AdminAccess.coordinator(ctx), petition, fileName, bytes);
        } catch (ImportFile.Refused e) {
            Map<String, Object> model = model(petition);
            model.put("refusal", e.refusal.messageKey());
            model.put("refusalLine", e.line);
            model.put("maxMegabytes", ImportFile.MAX_BYTES / (1024 * 1024));
            ctx.status(e.refusal == ImportFile.Refusal.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST)
                    .render("admin/import.peb", model);
            return;
        }
        preview(ctx, petition, upload);
    }

    private void show(Context ctx, Kind kind) {
        Petition petition = petition(ctx, kind);
        Upload upload = imports.find(petition, ctx.pathParam("id"), false).orElseThrow(NotFoundResponse::new);
        if (upload.state() == ImportState.PREVIEW) {
            preview(ctx, petition, imports.find(petition, upload.id(), true).orElseThrow(NotFoundResponse::new));
            return;
        }
        Map<String, Object> model = model(petition);
        model.put("upload", upload);
        model.put("running", upload.state() == ImportState.RUNNING);
        ctx.render("admin/import_report.peb", model);
    }

    private void preview(Context ctx, Petition petition, Upload upload) {
        Map<String, List<String>> params = new HashMap<>(ctx.queryParamMap());
        Mapping mapping = imports.mapping(petition, upload, params);
        int page = Math.max(0, parsePage(ctx.queryParam("page")) - 1);
        boolean onlyProblems = "1".equals(ctx.queryParam("problems"));
        Preview preview = imports.preview(petition, upload, mapping, page, onlyProblems);
        Map<String, Object> model = model(petition);
        model.put("check", preview); // "preview" is the layout's, for a petition's preview
        model.put("action", "/admin" + petition.path() + "/import/" + upload.id());
        model.put("mappingQuery", query(mapping));
        ctx.render("admin/import_preview.peb", model);
    }

    private void confirm(Context ctx, Kind kind) {
        Petition petition = petition(ctx, kind);
        Upload upload = imports.find(petition, ctx.pathParam("id"), true).orElseThrow(NotFoundResponse::new);
        String report = "/admin" + petition.path() + "/import/" + upload.id();
        if (upload.state() == ImportState.PREVIEW) {
            Mapping mapping = imports.mapping(petition, upload, ctx.formParamMap());
            boolean confirm = "yes".equals(ctx.formParam("confirm"));
            imports.start(AdminAccess.coordinator(ctx), petition, upload, mapping, confirm, signerLocale(ctx, petition));
        }
        ctx.redirect(report, HttpStatus.SEE_OTHER);
    }

    /** Imported signers' mails come in the petition's language, which they read, where the interface speaks it (as a hand-added one's). */
    private Locale signerLocale(Context ctx, Petition petition) {
        return messages.speaks(petition.lang()) ? Locale.forLanguageTag(petition.lang()) : Localization.of(ctx);
    }

    private static Map<String, Object> model(Petition petition) {
        Map<String, Object> model = new HashMap<>();
        model.put("petition", petition);
        return model;
    }

    /** The mapping as the preview's links carry it. */
    private static String query(Mapping mapping) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < mapping.columns().size(); i++) {
            Field f = mapping.at(i);
            q.append("col_").append(i).append('=').append(f == null ? "" : f.code()).append('&');
        }
        return q.append("header=").append(mapping.header() ? "yes" : "no").toString();
    }

    /** The name the browser gave, without the folders some send with it. */
    private static String fileName(String given) {
        String name = given == null ? "" : given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        name = Text.line(name);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static int parsePage(String page) {
        try {
            return page == null ? 1 : Math.min(Integer.parseInt(page), 1_000_000);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

}
