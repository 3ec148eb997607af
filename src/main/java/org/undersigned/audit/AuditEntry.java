package org.undersigned.audit;

/** One coordinator action: who, what, on what, when. */
public record AuditEntry(long id, String actor, String action, String target, String detail, long at) {}
