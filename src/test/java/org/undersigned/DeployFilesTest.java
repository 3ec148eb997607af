package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files under deploy/ are read by the tools that will run them: the systemd units by
 * {@code systemd-analyze verify}, the nginx site by {@code nginx -t}, the haproxy configuration
 * by {@code haproxy -c} (and run for real by {@link LoadBalancerTest}). Where a tool is missing the
 * test is skipped and says which package brings it (.ci/run installs them).
 */
class DeployFilesTest {
    private static final Path UNIT = Path.of("deploy", "undersigned.service");
    private static final Path INSTANCES_UNIT = Path.of("deploy", "undersigned@.service");
    static final Path HAPROXY_CONFIG = Path.of("deploy", "haproxy.cfg");
    private static final Path NGINX_SITE = Path.of("deploy", "nginx.conf");
    private static final String CERTIFICATE = "/etc/letsencrypt/live/petitions.example.org/fullchain.pem";
    private static final String CERTIFICATE_KEY = "/etc/letsencrypt/live/petitions.example.org/privkey.pem";

    @TempDir
    Path dir;

    @Test
    void the_systemd_unit_passes_systemd_analyze_verify() throws Exception {
        verify(UNIT, "undersigned.service");
        assertThat(Files.readString(UNIT)).contains("ExecStart=/usr/bin/java -Xmx256m -XX:+UseSerialGC -jar /opt/undersigned/undersigned.jar serve");
    }

    @Test
    void the_systemd_template_unit_for_several_instances_passes_systemd_analyze_verify() throws Exception {
        verify(INSTANCES_UNIT, "undersigned@");
        assertThat(Files.readString(INSTANCES_UNIT)).as("the instance name is the port, over the environment file's PORT")
                .contains("ExecStart=/usr/bin/env PORT=%i /usr/bin/java -Xmx256m -XX:+UseSerialGC -jar /opt/undersigned/undersigned.jar serve");
    }

    private void verify(Path unit, String name) throws Exception {
        Path analyze = tool("systemd-analyze", "systemd");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/java")),
                "SKIPPED: the unit starts /usr/bin/java (Debian's default-jre-headless), which this machine lacks; "
                        + "systemd-analyze would report only that");

        Run run = run(analyze.toString(), "verify", unit.toAbsolutePath().toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as("what systemd-analyze says about the unit").doesNotContain(name);
    }

    @Test
    void the_nginx_site_passes_nginx_t_with_a_certificate_in_place() throws Exception {
        Path nginx = tool("nginx", "nginx-light");
        Path openssl = tool("openssl", "openssl");
        // The site names certbot's paths; nginx -t loads the certificate, so a self-signed one stands in.
        Run certificate = run(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=petitions.example.org",
                "-keyout", dir.resolve("privkey.pem").toString(), "-out", dir.resolve("fullchain.pem").toString());
        assertThat(certificate.exitCode()).as(certificate.output()).isZero();

        String site = Files.readString(NGINX_SITE, StandardCharsets.UTF_8);
        assertThat(site).containsOnlyOnce("ssl_certificate " + CERTIFICATE + ";")
                .containsOnlyOnce("ssl_certificate_key " + CERTIFICATE_KEY + ";");
        Files.writeString(dir.resolve("site.conf"), site
                .replace(CERTIFICATE, dir.resolve("fullchain.pem").toString())
                .replace(CERTIFICATE_KEY, dir.resolve("privkey.pem").toString()));
        Files.writeString(dir.resolve("nginx.conf"), """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    include %1$s/site.conf;
                }
                """.formatted(dir));

        Run test = run(nginx.toString(), "-t", "-q", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", dir.resolve("nginx.conf").toString());

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).as("nginx -t -q prints only problems").isEmpty();
    }

    @Test
    void the_haproxy_configuration_passes_haproxy_c() throws Exception {
        Path haproxy = tool("haproxy", "haproxy");

        Run check = run(haproxy.toString(), "-c", "-f", HAPROXY_CONFIG.toAbsolutePath().toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).as("no warnings").isEqualTo("Configuration file is valid");
        assertThat(Files.readString(HAPROXY_CONFIG)).contains("balance roundrobin", "option forwardfor",
                "http-check send meth GET uri /healthz", "http-check expect status 200");
    }

    /** The tool on the PATH or in the usual system folders, else the test is skipped naming the package. */
    static Path tool(String name, String debianPackage) {
        List<String> dirs = new ArrayList<>(List.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        Optional<Path> found = dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(found.isPresent(), "SKIPPED: " + name + " not found (apt-get install " + debianPackage + ")");
        return found.get();
    }

    private record Run(int exitCode, String output) {}

    private Run run(String... command) throws IOException, InterruptedException {
        Path log = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8).strip());
    }
}
