package dev.tokenbill.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Pushes a run's metrics to a Prometheus Pushgateway: one HTTP PUT of the text format to
 * {@code <url>/metrics/job/tokenbill/period/<period>/mode/<mode>}, which replaces what the same period and mode pushed
 * before. A plain java.net.http request: the Prometheus client's pushgateway exporter of the version Spring Boot
 * manages (1.7.0) is not served by our Maven registry, and the protocol is one request.
 */
final class Pushgateway {

    static final String JOB = "tokenbill";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final String baseUrl;
    private final Duration timeout;

    Pushgateway(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
        this.timeout = timeout;
    }

    /** The grouping key as a URL: job, period and mode (labels the Pushgateway sets on every pushed series). */
    URI groupUri(String period, String mode) {
        return URI.create(baseUrl + "/metrics/job/" + JOB + "/period/" + encode(period) + "/mode/" + encode(mode));
    }

    /** PUTs {@code text}; throws when the Pushgateway cannot be reached or does not answer 2xx. */
    void push(String period, String mode, String text) throws IOException, InterruptedException {
        URI uri = groupUri(period, mode);
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String reason = response.body().lines().findFirst().orElse("").strip();
            throw new IOException("it answered " + response.statusCode() + (reason.isEmpty() ? "" : ": " + reason));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
