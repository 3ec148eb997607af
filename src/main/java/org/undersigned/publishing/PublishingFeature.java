package org.undersigned.publishing;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.undersigned.audit.Audit;
import org.undersigned.coordinator.Coordinators;
import org.undersigned.db.Database;
import org.undersigned.petition.PetitionAccess;
import org.undersigned.petition.Petitions;
import org.undersigned.text.Markdown;

/** Creating and editing statements and campaigns, their coordinators, their translations and their own questions. */
public final class PublishingFeature {
    private final PublishingRoutes publishing;
    private final TranslationRoutes translations;
    private final QuestionRoutes questions;

    public PublishingFeature(Database database, Petitions petitions, PetitionAccess access, Coordinators coordinators, Audit audit,
                             Markdown markdown, Clock clock, PublishingRoutes.PagePreview pagePreview) {
        this.publishing = new PublishingRoutes(new PetitionEditor(database, audit, clock), access, petitions, coordinators, markdown,
                pagePreview, clock);
        this.translations = new TranslationRoutes(access, new Translations(database, petitions, audit, clock));
        this.questions = new QuestionRoutes(access, new QuestionEditor(database, petitions, audit, clock));
    }

    public void register(RoutesConfig routes) {
        publishing.register(routes);
        translations.register(routes);
        questions.register(routes);
    }
}
