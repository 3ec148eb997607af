package org.undersigned.api;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.Map;
import org.undersigned.audit.Audit;
import org.undersigned.db.Database;
import org.undersigned.petition.Kind;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.Petitions;
import org.undersigned.signature.ByHand;
import org.undersigned.signature.SignatureForm;
import org.undersigned.text.Messages;
import org.undersigned.web.AfterWrites;

/** API tokens and what they open: /admin/tokens for coordinators, /api/v1/{kind}s/{slug}/signatures for their tools. */
public final class ApiFeature {
    private final TokenAdminRoutes admin;
    private final ApiRoutes api;

    public ApiFeature(Database database, Petitions petitions, PetitionAccess access, ByHand byHand, Map<Kind, SignatureForm> forms,
                      Messages messages, Audit audit, AfterWrites afterWrites, Clock clock, String baseUrl) {
        ApiTokens tokens = new ApiTokens(database, audit, clock);
        this.admin = new TokenAdminRoutes(tokens);
        this.api = new ApiRoutes(tokens, new RateLimit(clock), petitions, access, new SignatureFeed(database),
                new HandedIn(database, byHand, audit), forms, messages, afterWrites, clock, baseUrl);
    }

    public void register(RoutesConfig routes) {
        admin.register(routes);
        api.register(routes);
    }
}
