package org.undersigned.api;

import org.undersigned.coordinator.Coordinator;

/** Who an API request speaks for: a live token, its scope, and the coordinator it belongs to. */
record Bearer(long tokenId, Scope scope, Coordinator coordinator) {}
