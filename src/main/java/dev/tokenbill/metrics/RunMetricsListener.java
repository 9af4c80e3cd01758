package dev.tokenbill.metrics;

import dev.tokenbill.period.BillingPeriod;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * At the end of every execution of the billing job, completed, failed or stopped: writes
 * {@code output/<period>/metrics.prom} and, when configured, a copy in node_exporter's textfile directory and a push
 * of the same text to the Pushgateway. Nothing here
 * can fail a run: any problem is one warning line in the log (with its cause in the log file).
 */
public final class RunMetricsListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunMetricsListener.class);

    // the billing job's parameter names (job.RunParameters); read by name so that metrics does not depend on job
    private static final String PERIOD = "period";
    private static final String MODE = "mode";
    private static final String OUTPUT = "output";

    private final RunMeters meters;
    private final JdbcRunFigures figures;
    private final MetricsProperties properties;
    private final Map<Long, PrometheusMeterRegistry> open = new ConcurrentHashMap<>();

    RunMetricsListener(RunMeters meters, JdbcRunFigures figures, MetricsProperties properties) {
        this.meters = meters;
        this.figures = figures;
        this.properties = properties;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        try {
            JobParameters p = execution.getJobParameters();
            open.put(execution.getId(), meters.open(Tags.of(PERIOD, label(p), MODE, mode(p))));
        } catch (RuntimeException e) {
            log.warn("run metrics are not recorded: {}", e.toString(), e);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        PrometheusMeterRegistry registry = open.remove(execution.getId());
        if (registry == null) {
            return;
        }
        try {
            String text = scrape(registry, execution);
            JobParameters p = execution.getJobParameters();
            write(Path.of(p.getString(OUTPUT)).resolve(label(p)), MetricsFile.NAME, text);
            if (properties.copiesToTextfileDir()) {
                write(Path.of(properties.textfileDir()), MetricsFile.textfileName(period(p), mode(p)), text);
            }
            if (properties.pushes()) {
                push(label(p), mode(p), text);
            }
        } catch (RuntimeException e) {
            log.warn("run metrics were not written: {}", e.toString(), e);
        } finally {
            meters.close(registry);
        }
    }

    private String scrape(PrometheusMeterRegistry registry, JobExecution execution) {
        RunFigures run = RunFigures.NONE;
        try {
            run = figures.of(execution.getJobInstance().getInstanceId());
        } catch (RuntimeException e) {
            // the database may be what failed the run: the file still says how the run ended
            log.warn("metrics.prom leaves out the usage and invoice figures: {}", e.toString(), e);
        }
        new TokenbillMeters(registry).register(execution, run);
        return registry.scrape();
    }

    private void write(Path dir, String name, String text) {
        try {
            log.info("wrote the run's metrics to {}", MetricsFile.write(dir, name, text).toAbsolutePath());
        } catch (java.io.IOException e) {
            log.warn("could not write {}: {}", dir.resolve(name).toAbsolutePath(), e.toString(), e);
        }
    }

    private void push(String period, String mode, String text) {
        Pushgateway pushgateway = new Pushgateway(properties.pushgatewayUrl(), properties.pushTimeout());
        try {
            pushgateway.push(period, mode, text);
            log.info("pushed the run's metrics to {}", pushgateway.groupUri(period, mode));
        } catch (java.io.IOException e) {
            // java.net.http leaves the message of some failures (connection refused) empty
            log.warn("could not push the run's metrics to {}: {}", pushgateway.groupUri(period, mode),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("the push of the run's metrics to {} was interrupted", pushgateway.groupUri(period, mode));
        }
    }

    private static BillingPeriod period(JobParameters p) {
        return BillingPeriod.parse(p.getString(PERIOD));
    }

    /** The period as the output directory names it (output/2026-10/). */
    private static String label(JobParameters p) {
        return period(p).label();
    }

    private static String mode(JobParameters p) {
        return p.getString(MODE);
    }
}
