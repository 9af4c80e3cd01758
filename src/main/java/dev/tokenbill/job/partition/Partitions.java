package dev.tokenbill.job.partition;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.Step;

/**
 * How the partitions of a partitioned step run: on this JVM's threads ({@link LocalPartitions}) or on
 * remote workers. Every heavy step is built through this one seam, so a step is partitioned the same
 * way whether its partitions run on threads or on other machines.
 *
 * <p>Naming: the worker step of manager step {@code rateCustomers} is a {@code Step} bean named
 * {@code rateCustomersPartition} (bean name = step name), so a remote worker finds it by name.
 */
public interface Partitions {

    /**
     * The manager step {@code name}: {@code partitioner} splits the work, {@code workerStep} runs each
     * partition. A step whose partitioner returns no partition completes with nothing done.
     */
    Step step(String name, Partitioner partitioner, Step workerStep);

    /** The number of partitions to ask the partitioners for (a hint: a partitioner may return fewer). */
    int gridSize();

    /**
     * Whether a partitioned step keeps every core of this machine busy while it runs, so that other work started
     * beside it slows it down rather than using a core it leaves free.
     */
    boolean occupiesEveryCore();
}
