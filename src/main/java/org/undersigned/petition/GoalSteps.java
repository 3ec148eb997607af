package org.undersigned.petition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A campaign's goal as it moves: the coordinator's steps in order, then, once the last is passed,
 * the next of 10, 25, 50, 100, 250, 500, 1,000, ... above the count. A bar towards the next step
 * reads at a glance where one towards a far goal would show a sliver.
 */
public record GoalSteps(List<Integer> steps) {
    public static final int MAX_STEPS = 12;
    public static final int MAX_GOAL = 100_000_000;

    public GoalSteps {
        steps = List.copyOf(steps);
    }

    /** The steps as stored (may be null or empty), or else the goal alone. */
    public static GoalSteps of(String stored, Integer goal) {
        Optional<GoalSteps> parsed = parse(stored == null ? "" : stored);
        if (parsed.isPresent() && !parsed.get().steps().isEmpty()) return parsed.get();
        return new GoalSteps(goal == null ? List.of() : List.of(goal));
    }

    /**
     * Steps as a coordinator types them: whole numbers separated by commas, semicolons or spaces
     * (thousands separators are not allowed, as "1,000" would read as two steps), each larger than
     * the one before; empty when none. Empty Optional when the text is not such a list.
     */
    public static Optional<GoalSteps> parse(String text) {
        List<Integer> steps = new ArrayList<>();
        for (String part : text.trim().split("[,;\\s]+")) {
            if (part.isEmpty()) continue;
            if (!part.matches("[0-9]{1,9}")) return Optional.empty();
            int step = Integer.parseInt(part);
            if (step < 1 || step > MAX_GOAL || (!steps.isEmpty() && step <= steps.get(steps.size() - 1))) return Optional.empty();
            steps.add(step);
        }
        return steps.size() > MAX_STEPS ? Optional.empty() : Optional.of(new GoalSteps(steps));
    }

    /** The goal the count is heading for now: the first step above it, or the automatic one beyond the last. */
    public long next(long count) {
        for (int step : steps) if (step > count) return step;
        long floor = Math.max(count, steps.isEmpty() ? 0 : steps.get(steps.size() - 1));
        for (long scale = 10; ; scale *= 10) {
            for (long factor : new long[] {10, 25, 50}) {
                long candidate = scale * factor / 10;
                if (candidate > floor) return candidate;
            }
        }
    }

    /** The largest step the count has reached (the coordinator's or an automatic one), or null before the first. */
    public Long reached(long count) {
        Long reached = null;
        for (long goal = next(0); goal <= count; goal = next(goal)) reached = goal;
        return reached;
    }

    /** As a coordinator reads and types them: "100, 250, 500". */
    public String text() {
        return steps.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
