package dev.tokenbill.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the run metrics ({@code tokenbill.metrics.*} in application.properties or the environment).
 * metrics.prom is always written; the copy for node_exporter and the push are optional.
 *
 * @param pushgatewayUrl base URL of a Prometheus Pushgateway, e.g. {@code http://pushgateway:9091} (default empty:
 *     no push); the run's metrics are PUT to {@code <url>/metrics/job/tokenbill/period/<period>/mode/<mode>}
 * @param textfileDir a directory that node_exporter's textfile collector reads (default empty: none); each run also
 *     writes its metrics there, atomically, as {@code tokenbill-<monthly|daily>-<draft|final>.prom}
 * @param pushTimeout how long the push may take, connecting included (default 5s): a slow or absent Pushgateway
 *     costs the run at most this, and one warning line; kept short because a stopped run pushes too before it exits
 */
@ConfigurationProperties("tokenbill.metrics")
public record MetricsProperties(
        @DefaultValue("") String pushgatewayUrl,
        @DefaultValue("5s") Duration pushTimeout,
        @DefaultValue("") String textfileDir) {

    public boolean pushes() {
        return pushgatewayUrl != null && !pushgatewayUrl.isBlank();
    }

    public boolean copiesToTextfileDir() {
        return textfileDir != null && !textfileDir.isBlank();
    }
}
