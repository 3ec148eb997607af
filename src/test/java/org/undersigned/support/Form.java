package org.undersigned.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Connection;
import org.jsoup.nodes.FormElement;

/** A form as served, hidden fields and all; fill some fields and submit it like a browser would. */
public final class Form {
    private final Browser browser;
    private final FormElement element;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    Form(Browser browser, FormElement element) {
        this.browser = browser;
        this.element = element;
        for (Connection.KeyVal kv : element.formData()) {
            fields.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value());
        }
    }

    public Form set(String name, String value) {
        if (element.selectFirst("[name=" + name + "]") == null) throw new AssertionError("form has no field " + name);
        fields.put(name, new ArrayList<>(List.of(value)));
        return this;
    }

    public Form tick(String name) {
        return set(name, "yes");
    }

    public Form remove(String name) {
        fields.remove(name);
        return this;
    }

    public Map<String, List<String>> fields() {
        return fields;
    }

    /** Where the form posts to, as served (a path, for a browser to send to whichever server it talks to). */
    public String action() {
        return element.attr("action");
    }

    public Page submit() {
        return browser.post(element.attr("action"), fields);
    }
}
