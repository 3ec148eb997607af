package org.undersigned.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to the running app over real HTTP, like a browser without JavaScript. */
public final class Browser {
    private final HttpClient client;
    private final String base;
    private String acceptLanguage = "en";

    /** No cookies: a fresh visitor on every request. */
    public Browser(String base) {
        this(base, false);
    }

    public Browser(String base, boolean keepsCookies) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (keepsCookies) builder.cookieHandler(new java.net.CookieManager());
        this.client = builder.build();
    }

    /** Follows a 303/302 answer the way a browser does (a GET to its Location). */
    public Page follow(Page redirect) {
        String location = redirect.header("Location");
        if (location == null) throw new AssertionError("not a redirect: " + redirect.status());
        return get(location);
    }

    public Browser language(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
        return this;
    }

    public Page get(String pathOrUrl) {
        return send(request(pathOrUrl).GET());
    }

    public Page post(String pathOrUrl, Map<String, List<String>> fields) {
        return post(pathOrUrl, encode(fields), "application/x-www-form-urlencoded");
    }

    public Page post(String pathOrUrl, String body, String contentType) {
        return send(request(pathOrUrl).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public HttpRequest.Builder request(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        return HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", acceptLanguage);
    }

    public Page send(HttpRequest.Builder request) {
        try {
            return new Page(this, client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer as bytes, untouched: for compressed bodies. */
    public HttpResponse<byte[]> raw(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, List<String>> fields) {
        return fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }
}
