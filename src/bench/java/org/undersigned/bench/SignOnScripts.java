package org.undersigned.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Lua scripts wrk runs: sign-ons as a browser posts the form, and confirmation links followed once each. */
final class SignOnScripts {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
    private final Bench bench;

    SignOnScripts(Bench bench) {
        this.bench = bench;
    }

    /** A wrk script posting the form as served, each request a new organisation from a new client address. */
    Path signOnScript(Server server, String prefix, int delayMs) throws Exception {
        return signOnScript(server, prefix, delayMs, 0);
    }

    /** cycle > 0: each wrk thread goes round its first cycle addresses again and again. */
    Path signOnScript(Server server, String prefix, int delayMs, long cycle) throws Exception {
        String token = formToken(bench.get(server.base() + Bench.STATEMENT), "the statement page");
        return script(prefix + ".lua", """
                local n = 0
                local threads = 0
                function setup(thread) thread:set("id", threads); threads = threads + 1 end
                request = function()
                  n = n + 1
                  %5$s
                  local email = "%1$s-" .. id .. "-" .. n .. "@bench.example.org"
                  local body = "form_token=%2$s&organisation=Bench+Org+%1$s+" .. id .. "-" .. n
                    .. "&org_type=ngo&country=BE&website=&contact_name=Bench+Contact&email=" .. email .. "&consent_publish=yes&description="
                  local ip = "10." .. (id %% 250) .. "." .. (math.floor(n / 250) %% 250) .. "." .. (n %% 250 + 1)
                  return wrk.format("POST", "%3$s/signatures",
                    {["Content-Type"] = "application/x-www-form-urlencoded", ["X-Forwarded-For"] = ip}, body)
                end
                %4$s
                """.formatted(prefix, token, Bench.STATEMENT, delayMs > 0 ? "function delay() return " + delayMs + " end" : "",
                cycle > 0 ? "if n > " + cycle + " then n = 1 end" : ""));
    }

    /** The form token a page's form carries, as a browser would send it back. */
    static String formToken(String page, String which) {
        Matcher token = FORM_TOKEN.matcher(page);
        if (!token.find()) throw new IllegalStateException("no form token on " + which);
        return token.group(1);
    }

    Path script(String name, String text) throws IOException {
        Path file = bench.work().resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** A wrk script posting the confirm form for each token in turn (each of wrk's two threads takes every other one). */
    Path confirmScript(String name, List<String> tokens, String formToken) throws IOException {
        Path list = bench.work().resolve(name + ".tokens");
        Files.write(list, tokens);
        return script(name + ".lua", """
                local tokens = {}
                local threads = 0
                local i = 0
                function setup(thread) thread:set("id", threads); threads = threads + 1 end
                function init(args)
                  for line in io.lines("%1$s") do tokens[#tokens + 1] = line end
                  i = id - 2
                end
                request = function()
                  i = i + 2
                  return wrk.format("POST", "/confirm/" .. tokens[(i %% #tokens) + 1],
                    {["Content-Type"] = "application/x-www-form-urlencoded"}, "form_token=%2$s")
                end
                """.formatted(list, formToken));
    }
}
