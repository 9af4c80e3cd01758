package dev.tokenbill.job.partition;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * What ops see of the partitions: one DEBUG line per finished partition (on the worker step: a step of 16
 * partitions would otherwise print 16 lines), and one INFO line per manager step with the partitions' count, mean
 * and slowest time.
 */
public final class PartitionLog {

    private static final Logger log = LoggerFactory.getLogger(PartitionLog.class);

    private PartitionLog() {
    }

    /** For the worker step: "rateCustomersPartition:partition3 COMPLETED: 1250 items written in 2.3 s". */
    public static StepExecutionListener partition(String items) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution execution) {
                if (log.isDebugEnabled()) {
                    log.debug(String.format(Locale.ROOT, "%s %s: %d %s written in %.1f s", execution.getStepName(),
                            execution.getStatus(), execution.getWriteCount(), items, seconds(execution)));
                }
                return null;
            }
        };
    }

    /** For the manager step: "rateCustomers: 16 partitions, mean 1.9 s, slowest 2.3 s". */
    public static StepExecutionListener manager(String workerStep) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution manager) {
                List<StepExecution> partitions = manager.getJobExecution().getStepExecutions().stream()
                        .filter(s -> s.getStepName().startsWith(workerStep + ":") && s.getEndTime() != null).toList();
                if (!partitions.isEmpty()) {
                    double max = partitions.stream().mapToDouble(PartitionLog::seconds).max().orElse(0);
                    double mean = partitions.stream().mapToDouble(PartitionLog::seconds).average().orElse(0);
                    log.info(String.format(Locale.ROOT, "%s: %d partitions, mean %.1f s, slowest %.1f s",
                            manager.getStepName(), partitions.size(), mean, max));
                }
                return null;
            }
        };
    }

    private static double seconds(StepExecution execution) {
        return execution.getStartTime() == null || execution.getEndTime() == null ? 0
                : Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0;
    }
}
