package org.undersigned.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.QuietException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where missing, forbidden, too large and unexpected things become pages. */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    public void register(RoutesConfig routes) {
        routes.exception(NotFoundResponse.class, (e, ctx) -> page(ctx, HttpStatus.NOT_FOUND, "error.not_found"));
        routes.exception(ForbiddenResponse.class, (e, ctx) -> page(ctx, HttpStatus.FORBIDDEN, "error.forbidden"));
        routes.exception(ContentTooLargeResponse.class, (e, ctx) -> page(ctx, HttpStatus.CONTENT_TOO_LARGE, "error.too_large"));
        routes.exception(UnreadableBody.class, (e, ctx) -> {
            log.info("Refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            page(ctx, HttpStatus.BAD_REQUEST, "error.unreadable");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            Throwable clientSide = clientSide(e);
            if (clientSide != null) {
                // the sender's connection failed mid-body: theirs to retry, nothing for the operator to fix
                log.info("Gave up reading {} {}: {}", ctx.method(), ctx.path(), clientSide.getMessage());
                page(ctx, HttpStatus.BAD_REQUEST, "error.unreadable");
                return;
            }
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            page(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
        });
        routes.error(404, "html", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                page(ctx, HttpStatus.NOT_FOUND, "error.not_found");
            }
        });
    }

    /**
     * The failure of the client's side in the exception's causes: a body cut off (Jetty's quiet
     * EofException), a read of it that timed out, or a charset no check foresaw. A timeout of the
     * server's own (a page render, the database) is not one: it is not a failed read.
     */
    private static Throwable clientSide(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof QuietException || cause instanceof IllegalCharsetNameException || cause instanceof UnsupportedCharsetException
                    || cause instanceof IOException && cause.getCause() instanceof TimeoutException) {
                return cause;
            }
            if (cause.getCause() == cause) break;
        }
        return null;
    }

    private static void page(Context ctx, HttpStatus status, String messageKey) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.json(java.util.Map.of("error", messageKey.substring("error.".length()), "status", status.getCode()));
            return;
        }
        ctx.render("error.peb", Map.of("messageKey", messageKey, "status", status.getCode()));
    }
}
