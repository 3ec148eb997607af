package org.undersigned.imports;

import java.util.Locale;

/** Where an import is: shown for checking, importing in the background, finished, or stopped by an error. */
public enum ImportState {
    PREVIEW, RUNNING, DONE, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ImportState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
