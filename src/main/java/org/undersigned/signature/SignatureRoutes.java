package org.undersigned.signature;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.undersigned.petition.Petition;
import org.undersigned.petition.SignatureState;
import org.undersigned.web.AfterWrites;
import org.undersigned.web.FormToken;
import org.undersigned.web.PageRenderer;
import org.undersigned.web.SecurityHeaders;
import org.undersigned.web.Localization;
import org.undersigned.text.Ordinals;

/** The pages behind the links in mails: confirm a signature, see it, withdraw it, stop updates. */
final class SignatureRoutes {
    private final SignatureLinks links;
    private final FormToken formToken;
    private final AfterWrites afterWrites;
    private final PageRenderer renderer;
    private final ThankYou thanks;

    SignatureRoutes(SignatureLinks links, FormToken formToken, AfterWrites afterWrites, PageRenderer renderer, ThankYou thanks) {
        this.thanks = thanks;
        this.afterWrites = afterWrites;
        this.renderer = renderer;
        this.links = links;
        this.formToken = formToken;
    }

    public void register(RoutesConfig routes) {
        routes.get("/confirm/{token}", ctx -> confirmPage(ctx, links.inspect(ctx.pathParam("token"), "confirm")));
        routes.post("/confirm/{token}", ctx -> {
            if (!formToken.isValid("confirm", ctx.formParam(FormToken.FIELD))) {
                confirmPage(ctx.status(HttpStatus.BAD_REQUEST), links.inspect(ctx.pathParam("token"), "confirm"));
                return;
            }
            // the page is sent once the confirmation is committed, without a request thread waiting for it
            CompletableFuture<LinkState> confirmed = links.confirm(ctx.pathParam("token"));
            ctx.future(() -> afterWrites.answer(confirmed, state -> confirmPage(ctx, state)));
        });
        routes.get("/manage/{token}", ctx -> managePage(ctx, links.inspect(ctx.pathParam("token"), "manage"), Asked.NOTHING));
        routes.post("/manage/{token}/withdraw", ctx -> {
            if (!formToken.isValid("withdraw", ctx.formParam(FormToken.FIELD))) {
                managePage(ctx.status(HttpStatus.BAD_REQUEST), links.inspect(ctx.pathParam("token"), "manage"), null);
                return;
            }
            SignatureLinks.Withdrawal withdrawal = links.withdraw(ctx.pathParam("token"));
            managePage(ctx, withdrawal.state(), withdrawal.now() ? Asked.WITHDRAWN_NOW : Asked.ALREADY_WITHDRAWN);
        });
        routes.get("/unsubscribe/{token}", ctx -> unsubscribePage(ctx, links.inspect(ctx.pathParam("token"), "unsubscribe"), false));
        // RFC 8058: a mail client posts "List-Unsubscribe=One-Click" with no cookie and follows no redirect
        routes.post("/unsubscribe/{token}", ctx -> unsubscribePage(ctx, links.unsubscribe(ctx.pathParam("token")), true));
    }

    private void unsubscribePage(Context ctx, LinkState state, boolean done) {
        Map<String, Object> model = model(ctx, state);
        model.put("currentPath", "/unsubscribe/" + ctx.pathParam("token"));
        model.put("done", done || (state.signature() != null && !state.signature().updates()));
        ctx.render("signature/unsubscribe.peb", model);
    }

    private void confirmPage(Context ctx, LinkState state) {
        if (state.kind() == LinkState.Kind.CONFIRMED && ctx.method().name().equals("POST")) {
            // nothing of the signer's own on it: the same page for every signer of the petition in a language, rendered
            // once (a GET's page links the languages to its own address, the token in it, so it is rendered each time)
            SecurityHeaders.noStore(ctx);
            Map<String, Object> shared = new HashMap<>(Map.of("state", state.kind().name(), "petition", state.petition(),
                    "justConfirmed", true, "standing", justConfirmed(state.petition()).code(), "currentPath", state.petition().path()));
            shared.putAll(thanks.model(state.petition()));
            long number = links.number(state.signature());
            if (number == 0) {
                ctx.html(renderer.renderShared("signature/confirm.peb", shared, ctx));
            } else {
                // the signer's number is the one thing of their own on it: the page is kept with a mark where it goes
                shared.put("numbered", true);
                ctx.html(renderer.render("signature/confirm.peb", shared, "ordinal", Ordinals.of(number, Localization.of(ctx)), ctx));
            }
            return;
        }
        Map<String, Object> model = model(ctx, state);
        model.put("currentPath", "/confirm/" + ctx.pathParam("token"));
        model.put("formToken", formToken.issue("confirm"));
        model.put("justConfirmed", false); // a POST that confirmed was answered above
        if (state.kind() == LinkState.Kind.CONFIRMED) {
            model.put("standing", links.standing(state.signature()).code());
            model.putAll(thanks.model(state.petition()));
            long number = links.number(state.signature());
            if (number > 0) {
                model.put("numbered", true);
                model.put("ordinal", Ordinals.of(number, Localization.of(ctx)));
            }
        }
        ctx.render("signature/confirm.peb", model);
    }

    /**
     * Where a signature stands the moment it is confirmed: in the coordinators' queue where the
     * petition asks for approval, listed otherwise (as SignatureWrites' CONFIRM sets it, in the
     * same transaction that read this petition).
     */
    private static SignatureState justConfirmed(Petition petition) {
        return petition.needsApproval() ? SignatureState.AWAITING : SignatureState.LISTED;
    }

    /** What the request to the signer's own page asked, and what it found: the page's heading says which. */
    private enum Asked { NOTHING, WITHDRAWN_NOW, ALREADY_WITHDRAWN }

    private void managePage(Context ctx, LinkState state, Asked asked) {
        Map<String, Object> model = model(ctx, state);
        model.put("currentPath", "/manage/" + ctx.pathParam("token")); // after withdrawing too: the same GET page
        model.put("formToken", formToken.issue("withdraw"));
        model.put("asked", asked.name());
        if (state.signature() != null) model.put("standing", links.standing(state.signature()).code());
        ctx.render("signature/manage.peb", model);
    }

    private Map<String, Object> model(Context ctx, LinkState state) {
        SecurityHeaders.noStore(ctx);
        if (state.kind() == LinkState.Kind.UNKNOWN) ctx.status(HttpStatus.NOT_FOUND);
        if (state.kind() == LinkState.Kind.EXPIRED) ctx.status(HttpStatus.GONE);
        Map<String, Object> model = new HashMap<>();
        model.put("state", state.kind().name());
        model.put("token", ctx.pathParam("token"));
        if (state.signature() != null) {
            model.put("signature", state.signature());
            model.put("petition", state.petition());
        }
        return model;
    }
}
