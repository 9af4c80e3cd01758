/**
 * Remote partitioning (issue 16): the partitions of the billing job's partitioned steps go as JMS messages over an
 * Apache Artemis broker to {@code tokenbill worker} processes, which execute them with the {@code <step>Partition}
 * step beans against the shared PostgreSQL job repository; the manager learns how they ended by polling that
 * repository ({@link dev.tokenbill.job.partition.remote.RemotePartitions}). On when
 * {@code tokenbill.remote.enabled=true} ({@link dev.tokenbill.job.partition.remote.RemotePartitioningConfiguration}).
 */
package dev.tokenbill.job.partition.remote;
