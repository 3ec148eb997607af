package org.undersigned.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** A form sent as multipart/form-data, as a browser sends one with a file field. */
public final class Multipart {
    private static final String BOUNDARY = "----undersigned-test-boundary-7d3f";
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** The form's fields as served (hidden ones too), with its file field empty unless {@link #file} sets it. */
    public static Multipart of(Form form) {
        Multipart m = new Multipart();
        form.fields().forEach((name, values) -> values.forEach(v -> m.field(name, v)));
        return m;
    }

    public Multipart field(String name, String value) {
        write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    public Multipart file(String name, String filename, String contentType, byte[] content) {
        write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    public Page post(Browser browser, String path) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(browser.request(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray())));
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

}
