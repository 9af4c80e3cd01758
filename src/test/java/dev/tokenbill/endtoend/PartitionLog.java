package dev.tokenbill.endtoend;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partitions a worker ran, read from its console: a worker logs one line when it starts a partition and one when
 * it ends it, each naming the partition's step execution ({@code renderInvoicesPartition:partition2}):
 * {@code <worker>: partition <name> of job execution <id> started} and {@code ... COMPLETED: <n> items read, ...}.
 */
final class PartitionLog {

    private static final String NAME = "partition (\\w+Partition:\\w+) of job execution \\d+ ";
    private static final Pattern STARTED = Pattern.compile(NAME + "started$", Pattern.MULTILINE);
    private static final Pattern COMPLETED = Pattern.compile(NAME + "COMPLETED: ");

    private PartitionLog() {
    }

    /** The partitions {@code output} shows started, as {@code workerStep:partition}, in log order. */
    static Set<String> started(String output) {
        return names(STARTED.matcher(output));
    }

    /** The partitions {@code output} shows completed. */
    static Set<String> completed(String output) {
        return names(COMPLETED.matcher(output));
    }

    /** The partitions of {@code workerStep} (e.g. {@code renderInvoicesPartition}) among {@code names}. */
    static Set<String> of(String workerStep, Set<String> names) {
        Set<String> result = new LinkedHashSet<>();
        names.stream().filter(n -> n.startsWith(workerStep + ":")).forEach(result::add);
        return result;
    }

    private static Set<String> names(Matcher lines) {
        Set<String> names = new LinkedHashSet<>();
        while (lines.find()) {
            names.add(lines.group(1));
        }
        return names;
    }
}
