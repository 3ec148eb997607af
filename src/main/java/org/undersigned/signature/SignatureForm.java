package org.undersigned.signature;

import java.util.List;
import java.util.Map;

/** One kind of sign-on form: reads the submitted fields into a {@link NewSignature} or problems. */
public interface SignatureForm {
    FormResult parse(Map<String, List<String>> params);
}
