package org.undersigned.copy;

/** A reason not to copy, or not to keep a copy, said in one sentence to the operator; nothing was committed. */
public final class CopyRefused extends RuntimeException {
    CopyRefused(String message) {
        super(message);
    }
}
