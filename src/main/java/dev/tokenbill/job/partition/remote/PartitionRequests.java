package dev.tokenbill.job.partition.remote;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * The queue of partition requests and how a request travels on it: as text ({@code rateCustomersPartition 42}: the
 * worker step's bean name and the partition's step execution id), not as a serialized Java object, so a worker
 * deserializes nothing it receives from the network.
 */
public final class PartitionRequests {

    /** The JMS queue (an anycast Artemis address of the same name) on which the manager sends partitions. */
    public static final String QUEUE = "tokenbill.partitions";

    private PartitionRequests() {
    }

    public static String encode(StepExecutionRequest request) {
        return request.getStepName() + " " + request.getStepExecutionId();
    }

    /** The request of {@code text}; an {@link IllegalArgumentException} naming it when it is not one. */
    public static StepExecutionRequest decode(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(" ");
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("not a partition request: '" + text + "'");
        }
        try {
            return new StepExecutionRequest(parts[0], Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a partition request: '" + text + "'");
        }
    }
}
