package dev.tokenbill.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Spring Batch's observations are recorded: a composite registry that lives as long as the JVM, with one
 * Prometheus registry per running execution added to it. Each execution's registry carries the run's period and mode
 * as labels and sees only what was recorded while it was open, so metrics.prom holds one run's figures even when the
 * JVM ran others before (tests do; the command line runs one per JVM). Two runs at once in one JVM would see each
 * other's Spring Batch timers; tokenbill's own figures are per run in any case. The job's launch is observed before
 * the run's registry opens, so a registry is always added to a composite that has meters (Micrometer's warning about
 * it is silenced in application.properties): it misses only the launch and the job's active-task timer; the job's
 * duration is recorded when the job ends.
 */
public final class RunMeters {

    /**
     * A partition's step name ({@code rateCustomersPartition:partition3}) becomes its worker step's
     * ({@code rateCustomersPartition}): one series per step, however many partitions it was cut into.
     */
    static final MeterFilter ONE_SERIES_PER_WORKER_STEP = new MeterFilter() {
        @Override
        public Meter.Id map(Meter.Id id) {
            List<Tag> tags = new ArrayList<>();
            boolean partition = false;
            for (Tag tag : id.getTagsAsIterable()) {
                int colon = tag.getValue().indexOf(':');
                if (tag.getKey().endsWith("step.name") && colon > 0) {
                    tags.add(Tag.of(tag.getKey(), tag.getValue().substring(0, colon)));
                    partition = true;
                } else {
                    tags.add(tag);
                }
            }
            return partition ? id.replaceTags(tags) : id;
        }
    };

    private final CompositeMeterRegistry observed = new CompositeMeterRegistry();

    /** The registry the observation handler records into. */
    CompositeMeterRegistry observed() {
        return observed;
    }

    /** A new registry for one execution, labelled with {@code tags}, receiving Spring Batch's meters from now on. */
    synchronized PrometheusMeterRegistry open(Tags tags) {
        PrometheusMeterRegistry run = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        run.config().commonTags(tags).meterFilter(ONE_SERIES_PER_WORKER_STEP);
        observed.add(run);
        return run;
    }

    /**
     * Stops feeding {@code run} and releases it. With no run left open the composite forgets its meters too, so the
     * next run's registry starts without the series of earlier runs.
     */
    synchronized void close(PrometheusMeterRegistry run) {
        observed.remove(run);
        run.close();
        if (observed.getRegistries().isEmpty()) {
            observed.clear();
        }
    }
}
