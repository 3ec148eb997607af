package org.undersigned.petition;

import java.util.ArrayList;
import java.util.List;

/**
 * A public petition as it stands now (opening and closing times applied), its translations, and
 * the version its public pages are at (it moves whenever anything they show changes).
 */
public record Published(Petition petition, List<Translation> translations, long version) {

    /** Every language its text exists in, the original first. */
    public List<String> languages() {
        List<String> languages = new ArrayList<>();
        languages.add(petition.lang());
        translations.stream().map(Translation::lang).filter(l -> !l.equals(petition.lang())).forEach(languages::add);
        return List.copyOf(languages);
    }

    /** Its words in this language if it has them, else as written, with all its languages. */
    public PetitionText in(String lang) {
        Petition text = translations.stream().filter(t -> t.lang().equals(lang)).findFirst().map(petition::in).orElse(petition);
        return new PetitionText(text, languages());
    }
}
