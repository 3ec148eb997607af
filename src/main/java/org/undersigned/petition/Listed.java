package org.undersigned.petition;

/** Which signatures the public sees and counts: confirmed, not withdrawn, and approved where approval is asked. */
public final class Listed {
    public static final String CONDITION = "status = 'confirmed' AND moderation IN ('none', 'approved')";

    private Listed() {}
}
