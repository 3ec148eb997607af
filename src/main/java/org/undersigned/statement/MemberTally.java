package org.undersigned.statement;

import java.util.Optional;

/** How many of the network's members signed a statement, where its coordinators chose to show it in public. */
public interface MemberTally {
    record Tally(int signed, int total) {}

    /** Empty when the statement does not show it, or the network has no roster. */
    Optional<Tally> shown(long petitionId);

    MemberTally NONE = petitionId -> Optional.empty();
}
