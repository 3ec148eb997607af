package org.undersigned.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.undersigned.text.Text;

/** The settings form's fields, checked: each problem names its field, and the admin's input is kept to show again. */
final class SettingsForm {
    static final int MAX_NAME = 100;
    static final int MAX_URL = 500;
    /** White: the text on buttons and panels in the accent colour, and the page under links in it. */
    private static final int WHITE = 0xffffff;
    /** The light grey of cards and the sign-on box, which also holds links in the accent colour. */
    private static final int WASH = 0xf5f5f2;

    /** One problem: the field (its id on the page), a message key, and the values the message names. */
    record Problem(String field, String messageKey, List<Object> args) {
        /** Always four, the unused ones empty, for templates that pass them on by position. */
        Problem {
            List<Object> four = new ArrayList<>(args);
            while (four.size() < 4) four.add("");
            args = List.copyOf(four);
        }
    }

    record Result(Map<String, String> values, List<Problem> errors, Site.Change change) {
        static Result valid() {
            return new Result(Map.of(), List.of(), null);
        }
    }

    private SettingsForm() {}

    /** upload: the logo file's bytes, null when none was chosen. */
    static Result read(Function<String, String> param, byte[] upload, String defaultName) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("site_name", "privacy_url", "legal_url", "accent_color")) values.put(field, Text.line(param.apply(field)));
        List<Problem> errors = new ArrayList<>();
        String name = values.get("site_name");
        if (Text.length(name) > MAX_NAME) errors.add(new Problem("site_name", "settings.site_name.too_long", List.of(MAX_NAME)));
        for (String field : List.of("privacy_url", "legal_url")) {
            String url = values.get(field);
            if (!url.isEmpty() && !isWebAddress(url)) errors.add(new Problem(field, "settings.url.invalid", List.of()));
        }
        String color = values.get("accent_color").toLowerCase(Locale.ROOT);
        if (!color.isEmpty() && !color.startsWith("#")) color = "#" + color;
        if (!color.isEmpty()) {
            if (!color.matches("#[0-9a-f]{6}")) {
                errors.add(new Problem("accent_color", "settings.accent_color.invalid", List.of()));
            } else {
                int rgb = Integer.parseInt(color.substring(1), 16);
                double ratio = Math.min(Contrast.ratio(rgb, WHITE), Contrast.ratio(rgb, WASH));
                if (ratio < Contrast.AA) {
                    // rounded down, so that a colour short of 4.5 never reads as 4.5
                    String shown = String.format(Locale.ROOT, "%.2f", Math.floor(ratio * 100) / 100);
                    errors.add(new Problem("accent_color", "settings.accent_color.contrast", List.of(color, shown)));
                }
            }
        }
        boolean removeLogo = "yes".equals(param.apply("remove_logo"));
        byte[] logo = null;
        int width = 0;
        int height = 0;
        if (upload != null && !removeLogo) {
            try {
                LogoImage.Prepared image = LogoImage.prepare(upload, LogoImage.HEADER);
                logo = image.png();
                width = image.width();
                height = image.height();
            } catch (LogoImage.Refused refused) {
                errors.add(new Problem("logo", refused.messageKey, List.of(refused.args)));
            }
        }
        if (!errors.isEmpty()) return new Result(values, errors, null);
        // the environment's name, saved, is no name of its own: SITE_NAME keeps deciding
        String ownName = name.isEmpty() || name.equals(defaultName) ? null : name;
        return new Result(values, List.of(), new Site.Change(ownName, values.get("privacy_url"), values.get("legal_url"), color,
                logo, width, height, removeLogo));
    }

    /** An absolute http(s) address with a host: no javascript:, data: or relative links in the footer. */
    static boolean isWebAddress(String value) {
        if (value.length() > MAX_URL) return false;
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
