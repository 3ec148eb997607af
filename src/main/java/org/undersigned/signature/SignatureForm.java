package org.undersigned.signature;

import java.util.List;
import java.util.Map;

/** One kind of sign-on form: reads the submitted fields into a {@link NewSignature} or problems. */
public interface SignatureForm {
    /** The consent recorded for a signature a coordinator types in: it was given where they signed, by email or on paper. */
    String BY_COORDINATOR_CONSENT_KEY = "sign.by_coordinator.consent";

    FormResult parse(Map<String, List<String>> params);

    /**
     * The same fields and checks, as a coordinator types them in (adding a signature received by
     * email or on paper, or correcting one): no consent box, which the signer answered where they
     * signed; no updates, to which nobody subscribes someone else; and the email may be left empty,
     * as an organisation that signed on paper may have given none.
     */
    FormResult byCoordinator(Map<String, List<String>> params);
}
