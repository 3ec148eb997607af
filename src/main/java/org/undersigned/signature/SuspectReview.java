package org.undersigned.signature;

import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Petitions;

/** Coordinators decide on suspect sign-ons: release one (it gets its confirmation mail now) or discard it. */
public final class SuspectReview {
    private final SignerMail mails;
    private final SignatureWrites writes;

    SuspectReview(SignerMail mails, SignatureWrites writes) {
        this.mails = mails;
        this.writes = writes;
    }

    /** Inside the caller's write; true if the sign-on was suspect and is now an ordinary pending one. */
    public boolean release(Handle h, Petition petition, long signatureId) {
        int changed = h.execute("UPDATE signatures SET suspect = NULL WHERE id = ? AND petition_id = ? AND suspect IS NOT NULL AND status = 'pending'",
                signatureId, petition.id());
        if (changed == 0) return false;
        Signature signature = h.attach(SignatureDao.class).byId(signatureId).orElseThrow();
        mails.confirmation(h, Petitions.in(h, petition, signature.textLang()), signatureId, signature.email(), signature.greetingName(), signature.organisation(),
                Locale.forLanguageTag(signature.locale()), "confirm");
        writes.countMail(signatureId, SignOn.MAX_MAILS);
        return true;
    }

    /** Inside the caller's transaction; true if a suspect sign-on was deleted. */
    public boolean discard(Handle h, Petition petition, long signatureId) {
        return h.execute("DELETE FROM signatures WHERE id = ? AND petition_id = ? AND suspect IS NOT NULL", signatureId, petition.id()) == 1;
    }
}
