package org.undersigned.webhook;

/** A petition an endpoint may be limited to, in the form's list. */
record PetitionChoice(long id, String kind, String slug, String title) {}
