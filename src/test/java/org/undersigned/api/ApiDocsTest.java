package org.undersigned.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.undersigned.support.AppTest;
import org.undersigned.support.Page;

/**
 * docs/api.md's curl examples, each sent as the exact HTTP request curl would send, against a
 * started server holding what the examples assume; each answer must match the answer the
 * documentation shows under it: status, headers, and the JSON's fields ("..." stands for more).
 */
class ApiDocsTest extends AppTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXAMPLE = Pattern.compile("```sh\\n(curl .*?)\\n```\\s*\\n```http\\n(.*?)\\n```", Pattern.DOTALL);

    /** One curl command as parsed: method, address, headers, body. */
    private record Curl(String method, String url, List<String[]> headers, String body) {}

    @Test
    void every_curl_example_in_the_api_documentation_answers_as_documented() throws Exception {
        app.statement("regularisation-now");
        app.campaign("firewall-for-health", "Firewall for health", 5000);
        String token = ApiTokenTest.token(app.admin(), "Docs", "write");
        List<String> seeded = List.of(
                "{\"organisation\": \"Example NGO\", \"country\": \"BE\", \"org_type\": \"ngo\", \"website\": \"ngo.example\","
                        + " \"contact_name\": \"Ana Example\", \"email\": \"contact@ngo.example\", \"consent_publish\": true, \"updates\": true,"
                        + " \"send_confirmation\": false}",
                "{\"organisation\": \"Second\", \"country\": \"FR\", \"org_type\": \"network\", \"contact_name\": \"B\","
                        + " \"email\": \"b@second.example\", \"consent_publish\": true, \"send_confirmation\": false}",
                "{\"organisation\": \"Third\", \"country\": \"ES\", \"org_type\": \"other\", \"contact_name\": \"C\","
                        + " \"email\": \"c@third.example\", \"consent_publish\": true}");
        for (String json : seeded) {
            Page added = app.browser.send(app.browser.request("/api/v1/statements/regularisation-now/signatures")
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
            assertThat(added.status()).as(json).isEqualTo(201);
        }

        String docs = Files.readString(Path.of("docs/api.md"));
        Matcher examples = EXAMPLE.matcher(docs);
        int run = 0;
        while (examples.find()) {
            Curl curl = parse(examples.group(1), app.url(""), token);
            HttpRequest.Builder request = app.browser.request(curl.url())
                    .method(curl.method(), curl.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(curl.body(), StandardCharsets.UTF_8));
            for (String[] header : curl.headers()) request.header(header[0], header[1]);
            Page answer = app.browser.send(request);
            expect(examples.group(1), examples.group(2).replace("$BASE", app.url("")), answer);
            run++;
        }
        assertThat(run).as("the examples found in docs/api.md").isGreaterThanOrEqualTo(8);
        assertThat(mailbox.nth("jo@example.org", 1).linksTo("/confirm/")).as("the example that sends a confirmation").hasSize(1);
    }

    private static void expect(String command, String expected, Page answer) throws Exception {
        String[] parts = expected.split("\\n\\n", 2);
        String[] head = parts[0].split("\\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        assertThat(answer.status()).as(command + "\n" + answer.body()).isEqualTo(status);
        for (int i = 1; i < head.length; i++) {
            String[] header = head[i].split(": ", 2);
            assertThat(answer.header(header[0])).as(command + " " + header[0]).isEqualTo(header[1]);
        }
        if (parts.length > 1) matches(command, JSON.readTree(parts[1]), JSON.readTree(answer.body()));
    }

    /** The documented JSON against the real one: the same fields and values, but ids and times, and only some fields where it says "...". */
    private static void matches(String where, JsonNode documented, JsonNode real) {
        if (documented.isObject()) {
            assertThat(real.isObject()).as(where).isTrue();
            boolean partial = documented.has("...");
            List<String> names = new ArrayList<>();
            documented.fieldNames().forEachRemaining(names::add);
            names.remove("...");
            if (partial) assertThat(iterable(real.fieldNames())).as(where).containsAll(names);
            else assertThat(iterable(real.fieldNames())).as(where).containsExactlyInAnyOrderElementsOf(names);
            for (String name : names) {
                if (name.equals("id") || name.endsWith("_at") || name.endsWith("_date")) continue; // OSDI names its times *_date
                matches(where + "." + name, documented.get(name), real.get(name));
            }
        } else if (documented.isArray()) {
            assertThat(real.size()).as(where).isEqualTo(documented.size());
            for (int i = 0; i < documented.size(); i++) matches(where + "[" + i + "]", documented.get(i), real.get(i));
        } else {
            assertThat(real).as(where).isEqualTo(documented);
        }
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** A curl command line as a shell reads it: continued lines, quotes, $BASE and $TOKEN expanded outside single quotes. */
    static Curl parse(String command, String base, String token) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        String text = command.replace("\\\n", " ");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                word = (word == null ? new StringBuilder() : word).append(text, i + 1, end);
                i = end;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                word = (word == null ? new StringBuilder() : word).append(expand(text.substring(i + 1, end), base, token));
                i = end;
            } else if (Character.isWhitespace(c)) {
                if (word != null) words.add(word.toString());
                word = null;
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) words.add(expand(word.toString(), base, token));
        String method = null;
        String url = null;
        String body = null;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-s", "-i" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> headers.add(words.get(++i).split(":\\s*", 2));
                case "-d", "--data" -> body = words.get(++i);
                default -> {
                    if (words.get(i).startsWith("-")) throw new AssertionError("an option the docs test does not know: " + words.get(i));
                    url = words.get(i);
                }
            }
        }
        // curl posts when there is data, and sends it as a form unless told otherwise
        if (method == null) method = body == null ? "GET" : "POST";
        if (body != null && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type"))) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        }
        return new Curl(method, url, headers, body);
    }

    private static String expand(String text, String base, String token) {
        return text.replace("$BASE", base).replace("$TOKEN", token);
    }
}
