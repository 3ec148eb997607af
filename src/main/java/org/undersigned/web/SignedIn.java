package org.undersigned.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is signed in to the coordinators' area on this request, as every admin page's layout shows
 * it: the name, whether to offer the admins' links, and the CSRF token its forms carry; and who it
 * is, for pages that show each coordinator their own share. Set by the admin guard, read by the
 * renderer; public pages have none.
 */
public record SignedIn(long coordinatorId, String displayName, boolean admin, String csrf) {
    private static final String ATTRIBUTE = SignedIn.class.getName();

    public void set(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public static Optional<SignedIn> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
