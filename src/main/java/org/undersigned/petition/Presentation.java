package org.undersigned.petition;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * How a petition's public pages present it beyond its words: a campaign's goal steps, the next
 * step its thank-you page offers (null: none), the description of its image. Read apart from
 * {@link Petition}, as only the pages that show them need them.
 */
public record Presentation(String goalSteps, NextStep nextStep, String nextStepUrl, String imageAlt) {
    public static final Presentation NONE = new Presentation(null, null, null, null);

    private static final String SELECT = "SELECT goal_steps, next_step, next_step_url, image_alt FROM petitions WHERE id = :id";

    public static Presentation of(Jdbi reads, long petitionId) {
        return reads.withHandle(h -> of(h, petitionId));
    }

    public static Presentation of(Handle h, long petitionId) {
        return h.createQuery(SELECT).bind("id", petitionId)
                .map((rs, ctx) -> new Presentation(rs.getString("goal_steps"), NextStep.of(rs.getString("next_step")).orElse(null),
                        rs.getString("next_step_url"), rs.getString("image_alt")))
                .findOne().orElse(NONE);
    }

    /** The steps towards which the campaign's bar moves. */
    public GoalSteps steps(Integer goal) {
        return GoalSteps.of(goalSteps, goal);
    }

    public Optional<NextStep> next() {
        return Optional.ofNullable(nextStepUrl == null ? null : nextStep);
    }

    /** Stores it on the petition's row (which moves its public version: its pages show it). */
    public void save(Handle h, long petitionId) {
        h.createUpdate("""
                UPDATE petitions SET goal_steps = :steps, next_step = :next, next_step_url = :url, image_alt = :alt
                WHERE id = :id""")
                .bind("steps", goalSteps).bind("next", nextStep == null ? null : nextStep.code()).bind("url", nextStepUrl)
                .bind("alt", imageAlt).bind("id", petitionId).execute();
    }
}
