package org.undersigned.support;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/** A response as a person sees it: status, headers, and the parsed page. */
public final class Page {
    private final Browser browser;
    private final HttpResponse<String> response;
    private Document document;

    Page(Browser browser, HttpResponse<String> response) {
        this.browser = browser;
        this.response = response;
    }

    public int status() {
        return response.statusCode();
    }

    public String body() {
        return response.body();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    public Document document() {
        if (document == null) document = Jsoup.parse(response.body(), response.uri().toString());
        return document;
    }

    /** The visible text of the page, whitespace collapsed. */
    public String text() {
        return document().body().text();
    }

    public String h1() {
        Element h1 = document().selectFirst("h1");
        return h1 == null ? null : h1.text();
    }

    public Form form(String cssSelector) {
        Element form = document().selectFirst(cssSelector);
        if (!(form instanceof FormElement formElement)) throw new AssertionError("no form " + cssSelector + " on page:\n" + text());
        return new Form(browser, formElement);
    }
}
