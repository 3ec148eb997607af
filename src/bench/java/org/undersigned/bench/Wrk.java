package org.undersigned.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One run of wrk (two threads, with latency percentiles) and what it printed; errors are wrk's socket errors (connect, read, write, timeout). */
record Wrk(double rps, double p50, double p99, long requests, long non2xx, long errors, String raw) {
    String summary() {
        return String.format("%.0f req/s, p50 %.1f ms, p99 %.1f ms, %d requests, %d non-2xx", rps, p50, p99, requests, non2xx)
                + (errors > 0 ? ", " + errors + " socket errors" : "");
    }

    /** Runs side by side (one per server): rates and counts summed, the worse of their percentiles. */
    static Wrk together(List<Wrk> runs) {
        if (runs.size() == 1) return runs.get(0);
        return new Wrk(runs.stream().mapToDouble(Wrk::rps).sum(), runs.stream().mapToDouble(Wrk::p50).max().orElseThrow(),
                runs.stream().mapToDouble(Wrk::p99).max().orElseThrow(), runs.stream().mapToLong(Wrk::requests).sum(),
                runs.stream().mapToLong(Wrk::non2xx).sum(), runs.stream().mapToLong(Wrk::errors).sum(),
                String.join("\n", runs.stream().map(Wrk::raw).toList()));
    }

    static Wrk run(int connections, int seconds, Path lua, String url) {
        try {
            Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", lua.toString(), url)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
            Matcher total = Pattern.compile("(\\d+) requests in").matcher(out);
            Matcher bad = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
            Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
            if (!rps.find() || !total.find()) throw new IllegalStateException("wrk failed:\n" + out);
            long errors = 0;
            if (socket.find()) for (int i = 1; i <= 4; i++) errors += Long.parseLong(socket.group(i));
            return new Wrk(Double.parseDouble(rps.group(1)), percentile(out, "50%"), percentile(out, "99%"),
                    Long.parseLong(total.group(1)), bad.find() ? Long.parseLong(bad.group(1)) : 0, errors, out);
        } catch (IOException e) {
            throw new IllegalStateException("wrk could not run (apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(String wrkOutput, String which) {
        Matcher m = Pattern.compile("\\s" + which + "\\s+([\\d.]+)(us|ms|s)").matcher(wrkOutput);
        if (!m.find()) return Double.NaN;
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /** The requests a second at the start of a {@link #summary()}. */
    static double parseRps(String summary) {
        return Double.parseDouble(summary.substring(0, summary.indexOf(' ')));
    }
}
