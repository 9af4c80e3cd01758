package dev.tokenbill.job.partition.remote;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * A running {@code tokenbill worker}: takes partition requests from the queue, {@code concurrency} at a time, until
 * {@link #stopTaking()}; then the partitions it is executing finish (or stop at a chunk boundary when asked).
 */
public final class RemoteWorker {

    private static final Logger log = LoggerFactory.getLogger(RemoteWorker.class);

    private final DefaultMessageListenerContainer requests;
    private final PartitionWorker partitions;
    private final String broker;

    RemoteWorker(DefaultMessageListenerContainer requests, PartitionWorker partitions, String broker) {
        this.requests = requests;
        this.partitions = partitions;
        this.broker = broker;
    }

    /** Starts taking partition requests. */
    public void start() {
        requests.start();
        log.info("{}: taking partitions from {} at {}, {} at a time", partitions.name(), PartitionRequests.QUEUE,
                broker, requests.getMaxConcurrentConsumers());
    }

    /** Takes no more requests; the partitions being executed go on. */
    public void stopTaking() {
        requests.stop();
        log.info("{}: takes no more partitions; {} still executing", partitions.name(), partitions.busy());
    }

    /** Waits until no partition is executing, at most {@code bound}; true when none is. */
    public boolean awaitIdle(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (partitions.busy() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(100);
        }
        return partitions.busy() == 0;
    }

    public int busy() {
        return partitions.busy();
    }

    public long executed() {
        return partitions.executed();
    }

    public String name() {
        return partitions.name();
    }

    public String broker() {
        return broker;
    }

    public int concurrency() {
        return requests.getMaxConcurrentConsumers();
    }
}
