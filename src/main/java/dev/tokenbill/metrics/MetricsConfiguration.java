package dev.tokenbill.metrics;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run metrics: an {@link ObservationRegistry} whose observations become meters in {@link RunMeters} (Spring
 * Boot's batch auto-configuration hands it to every job and step, which then record Spring Batch's job, step, item
 * and chunk observations), and the listener that writes and pushes them at the end of each run.
 */
@Configuration
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

    @Bean
    public RunMeters runMeters() {
        return new RunMeters();
    }

    @Bean
    public ObservationRegistry observationRegistry(RunMeters runMeters) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(runMeters.observed()));
        return registry;
    }

    @Bean
    public RunMetricsListener runMetricsListener(RunMeters runMeters, JdbcTemplate jdbc, MetricsProperties properties) {
        return new RunMetricsListener(runMeters, new JdbcRunFigures(jdbc), properties);
    }
}
