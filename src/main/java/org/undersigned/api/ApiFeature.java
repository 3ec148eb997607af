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

/** API tokens and what they open: /admin/tokens for coordinators, /api/v1/{kind}s/{slug}/signatures and /api/osdi/v1 for their tools. */
public final class ApiFeature {
    private final TokenAdminRoutes admin;
    private final ApiRoutes api;
    private final OsdiRoutes osdi;

    public ApiFeature(Database database, Petitions petitions, PetitionAccess access, ByHand byHand, Map<Kind, SignatureForm> forms,
                      Messages messages, Audit audit, AfterWrites afterWrites, Clock clock, String baseUrl) {
        ApiTokens tokens = new ApiTokens(database, audit, clock);
        this.admin = new TokenAdminRoutes(tokens);
        TokenGuard guard = new TokenGuard(tokens, new RateLimit(clock));
        SignatureFeed feed = new SignatureFeed(database);
        this.api = new ApiRoutes(guard, petitions, access, feed,
                new HandedIn(database, byHand, audit), forms, messages, afterWrites, clock, baseUrl);
        this.osdi = new OsdiRoutes(guard, access, petitions, feed, clock, baseUrl);
    }

    public void register(RoutesConfig routes) {
        admin.register(routes);
        api.register(routes);
        osdi.register(routes);
    }
}
