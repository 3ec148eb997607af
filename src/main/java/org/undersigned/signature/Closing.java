package org.undersigned.signature;

/** A closed campaign, and when it closed: its supporters are anonymised a while after. */
record Closing(long id, long closedAt) {}
