package org.undersigned.petition;

/** Which signatures the public sees and counts: confirmed, not suspect, and approved where approval is asked. */
public final class Listed {
    // in parentheses, so that it can stand next to any other SQL
    public static final String CONDITION = "(status = 'confirmed' AND moderation IN ('none', 'approved') AND suspect IS NULL)";

    private Listed() {}
}
