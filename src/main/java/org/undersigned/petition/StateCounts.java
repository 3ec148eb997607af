package org.undersigned.petition;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many of a petition's signatures are in each {@link SignatureState}, from one {@code GROUP BY state}. */
public record StateCounts(Map<SignatureState, Long> byState) {
    /** A row of {@code SELECT state, COUNT(*) AS count ... GROUP BY state}. */
    public record Row(SignatureState state, long count) {}

    public static StateCounts of(List<Row> rows) {
        Map<SignatureState, Long> counts = new EnumMap<>(SignatureState.class);
        rows.forEach(r -> counts.merge(r.state(), r.count(), Long::sum));
        return new StateCounts(counts);
    }

    public long of(SignatureState state) {
        return byState.getOrDefault(state, 0L);
    }

    public long listed() {
        return of(SignatureState.LISTED);
    }

    public long pending() {
        return of(SignatureState.PENDING);
    }

    public long suspect() {
        return of(SignatureState.SUSPECT);
    }

    public long awaiting() {
        return of(SignatureState.AWAITING);
    }

    public long rejected() {
        return of(SignatureState.REJECTED);
    }

    public long withdrawn() {
        return of(SignatureState.WITHDRAWN);
    }
}
