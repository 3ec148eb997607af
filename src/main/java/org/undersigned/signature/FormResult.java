package org.undersigned.signature;

import java.util.List;
import java.util.Map;
import org.undersigned.web.FieldError;

/** A submitted form after checking: the cleaned values (shown again on error), the problems, the signature. */
public record FormResult(Map<String, String> values, List<FieldError> errors, NewSignature signature) {
    public boolean isValid() {
        return errors.isEmpty();
    }
}
