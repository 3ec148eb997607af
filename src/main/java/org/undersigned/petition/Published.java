package org.undersigned.petition;

import java.util.ArrayList;
import java.util.List;

/**
 * A public petition as it stands now (opening and closing times applied), its translations, every
 * language its text exists in (the original first), and the version its public pages are at (it
 * moves whenever anything they show changes), and the questions on its form (read with it, not
 * for each sign-on).
 */
public record Published(Petition petition, List<Translation> translations, List<String> languages, long version, List<Question> questions) {

    /** As read from the database: its languages worked out once, not on every request. */
    static Published of(Petition petition, List<Translation> translations, List<Question> questions, long version) {
        List<String> languages = new ArrayList<>();
        languages.add(petition.lang());
        translations.stream().map(Translation::lang).filter(l -> !l.equals(petition.lang())).forEach(languages::add);
        return new Published(petition, translations, List.copyOf(languages), version, questions);
    }

    /** The same, as it stands at this moment (see {@link Petition#at}). */
    Published at(long now) {
        Petition then = petition.at(now);
        return then == petition ? this : new Published(then, translations, languages, version, questions);
    }

    /** The same, as it will stand once open (see {@link Petition#opened}). */
    Published opened() {
        return new Published(petition.opened(), translations, languages, version, questions);
    }

    /** Its words in this language if it has them, else as written, with all its languages. */
    public PetitionText in(String lang) {
        Petition text = translations.stream().filter(t -> t.lang().equals(lang)).findFirst().map(petition::in).orElse(petition);
        String own = petition.lang();
        return new PetitionText(text, languages, questions.stream().map(q -> q.in(text.lang(), own)).toList());
    }
}
