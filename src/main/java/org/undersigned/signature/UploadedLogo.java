package org.undersigned.signature;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.undersigned.petition.Kind;
import org.undersigned.petition.Petition;
import org.undersigned.site.LogoImage;
import org.undersigned.web.FieldError;

/**
 * The logo an organisation chose to show on a statement's logo wall, from a sign-on form sent as
 * multipart (field {@link #FIELD}): checked and drawn again as the site's logo is
 * ({@link LogoImage}), or the problem to show at the field. An urlencoded form, the API's and a
 * form without a file give none, at the cost of one header check.
 */
public record UploadedLogo(OrganisationLogos.Stored stored, FieldError error) {
    public static final String FIELD = "logo";
    static final UploadedLogo NONE = new UploadedLogo(null, null);

    static UploadedLogo read(Context ctx, Petition petition) {
        if (petition.kind() != Kind.STATEMENT || !ctx.isMultipartFormData()) return NONE;
        UploadedFile file = ctx.uploadedFile(FIELD);
        if (file == null || file.size() == 0) return NONE;
        return of(bytes(file));
    }

    /** The upload checked: what to store, or why not. */
    public static UploadedLogo of(byte[] upload) {
        try {
            return new UploadedLogo(OrganisationLogos.Stored.of(LogoImage.prepare(upload, LogoImage.WALL)), null);
        } catch (LogoImage.Refused refused) {
            return new UploadedLogo(null, new FieldError(FIELD, refused.messageKey, List.of(refused.args)));
        }
    }

    /** At most one byte more than a logo may have: enough to tell that it is too large. */
    public static byte[] bytes(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readNBytes(LogoImage.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
