/**
 * Partitioned steps: the one mechanism that spreads a step's work over threads or machines
 * (issue 16). {@link dev.tokenbill.job.partition.Partitions} builds a manager step from a partitioner
 * and a worker step; {@link dev.tokenbill.job.partition.LocalPartitions} runs the partitions on threads.
 */
package dev.tokenbill.job.partition;
