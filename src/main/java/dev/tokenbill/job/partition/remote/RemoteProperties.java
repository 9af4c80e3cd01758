package dev.tokenbill.job.partition.remote;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of remote partitioning ({@code tokenbill.remote.*}; the environment variables of application.properties).
 *
 * @param enabled partitions go to workers over JMS instead of this JVM's threads ({@code run --remote})
 * @param worker set by {@code tokenbill worker} only: this process executes partitions from the queue
 * @param brokerUrl the Artemis broker, e.g. {@code tcp://10.0.0.5:61616}; a worker requires it, a manager without it
 *     starts an embedded broker bound to {@code embeddedBind}
 * @param embeddedBind where the manager's embedded broker listens (default loopback only)
 * @param user the broker user, required in remote mode; the embedded broker admits this user only
 * @param password the broker user's password, required in remote mode
 * @param partitionTimeout a partition that is not taken while no other partition makes progress, or that is not
 *     updated (a chunk commit updates it), for this long fails the step (default 10 minutes)
 * @param pollInterval how often the manager reads the partitions' state from the job repository (default 1 s)
 */
@ConfigurationProperties("tokenbill.remote")
public record RemoteProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("false") boolean worker,
        @DefaultValue("") String brokerUrl,
        @DefaultValue(RemoteProperties.DEFAULT_BIND) String embeddedBind,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue("10m") Duration partitionTimeout,
        @DefaultValue("1s") Duration pollInterval) {

    /** Loopback only: nothing listens on all interfaces unless an operator says so. */
    public static final String DEFAULT_BIND = "tcp://127.0.0.1:61616";

    /** Whether this process starts the broker itself: a manager with no broker URL. */
    public boolean embeddedBroker() {
        return !worker && brokerUrl.isBlank();
    }
}
