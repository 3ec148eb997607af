package org.undersigned.petition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.undersigned.text.Languages;

/**
 * A petition as one reader gets it: its words in the chosen language, and every language its text
 * exists in (the original first), for the hreflang links and the visible list of versions, and
 * the questions of its form as this reader is asked them.
 */
public record PetitionText(Petition petition, List<String> languages, List<Question.Asked> questions) {

    public String lang() {
        return petition.lang();
    }

    /** What a public page's template needs: textLang, textDir, versions (code, name, dir, current, url). */
    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("textLang", lang());
        model.put("textDir", Languages.direction(lang()));
        model.put("versions", languages.stream().map(code -> Map.of(
                "code", code, "name", Languages.endonym(code), "dir", Languages.direction(code),
                "current", code.equals(lang()), "path", petition.path() + "?lang=" + code)).toList());
        model.put("questions", questions);
        return model;
    }
}
