package org.undersigned.signature;

import java.util.Map;
import org.undersigned.db.Database;
import org.undersigned.petition.Petition;
import org.undersigned.petition.Presentation;

/** What the thank-you page offers beyond sharing: the one next step the petition's coordinators chose. */
final class ThankYou {
    private final Database database;

    ThankYou(Database database) {
        this.database = database;
    }

    /** nextStep: its kind's code and its address, when the coordinators chose one. */
    Map<String, Object> model(Petition petition) {
        Presentation presentation = Presentation.of(database.reads(), petition.id());
        return presentation.next()
                .<Map<String, Object>>map(step -> Map.of("nextStep", Map.of("code", step.code(), "url", presentation.nextStepUrl())))
                .orElse(Map.of());
    }
}
