package org.undersigned.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.DoubleSupplier;

/** The numbers an operator watches, in one registry per app (never the library's global one). */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter signOns;
    private final Counter confirmations;
    private final Counter mailSent;
    private final Counter mailFailures;
    private final Histogram requests;

    public Metrics() {
        signOns = Counter.builder().name("undersigned_sign_ons_total")
                .help("Sign-on forms accepted; outcome new (a confirmation mail went out), repeat (same address again), suspect (kept aside)"
                        + " or dropped (not stored: its client, or the petition's held sign-ons of the hour, over the ceiling)")
                .labelNames("kind", "outcome").withoutExemplars().register(registry);
        confirmations = Counter.builder().name("undersigned_confirmations_total").help("Signatures confirmed by their link")
                .labelNames("kind").withoutExemplars().register(registry);
        mailSent = Counter.builder().name("undersigned_mail_sent_total").help("Mails handed to the mail server")
                .withoutExemplars().register(registry);
        mailFailures = Counter.builder().name("undersigned_mail_failures_total")
                .help("Mails the mail server did not take; permanent ones are not retried").labelNames("kind")
                .withoutExemplars().register(registry);
        requests = Histogram.builder().name("undersigned_http_request_duration_seconds")
                .help("Time to answer HTTP requests, by route template, method and status class")
                .labelNames("method", "route", "status")
                .classicOnly().classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .withoutExemplars().register(registry);
        JvmMetrics.builder().register(registry);
    }

    public void signOn(String kind, String outcome) {
        signOns.labelValues(kind, outcome).inc();
    }

    public void confirmed(String kind) {
        confirmations.labelValues(kind).inc();
    }

    public void mailSent() {
        mailSent.inc();
    }

    public void mailFailed(boolean permanent) {
        mailFailures.labelValues(permanent ? "permanent" : "retry").inc();
    }

    public void request(String method, String route, int status, double seconds) {
        requests.labelValues(method, route, (status / 100) + "xx").observe(seconds);
    }

    /** A value read when scraped, such as the outbox depth. */
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    /** A running total kept elsewhere, read when scraped. */
    public void counter(String name, String help, DoubleSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    public String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    public void write(OutputStream out) throws IOException {
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
    }
}
