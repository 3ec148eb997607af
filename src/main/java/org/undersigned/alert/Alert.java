package org.undersigned.alert;

/** An alert as the dashboard lists it: on which petition, of what kind (address, domain, name), how many sign-ons. */
public record Alert(long id, long petitionId, String kind, String slug, String petitionKind, String title, String key, long count,
                    long createdAt) {}
