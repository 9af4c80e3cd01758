package dev.tokenbill.endtoend;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partitions a worker ran, read from its console: a worker logs one line when it starts a partition and one when
 * it ends it, each naming the partition's step execution ({@code renderInvoicesPartition:partition2}).
 */
final class PartitionLog {

    /** A partition's step execution name, as Spring Batch names it: worker step, colon, partition. */
    private static final Pattern NAME = Pattern.compile("\\b(\\w+Partition):(\\w+)\\b");
    private static final Pattern STARTED = Pattern.compile("\\bstart(?:s|ed|ing)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPLETED = Pattern.compile("\\bcompleted\\b", Pattern.CASE_INSENSITIVE);

    private PartitionLog() {
    }

    /** The partitions {@code output} shows started, as {@code workerStep:partition}, in log order. */
    static Set<String> started(String output) {
        return matching(output, false);
    }

    /** The partitions {@code output} shows completed. */
    static Set<String> completed(String output) {
        return matching(output, true);
    }

    /** The partitions of {@code workerStep} (e.g. {@code renderInvoicesPartition}) among {@code names}. */
    static Set<String> of(String workerStep, Set<String> names) {
        Set<String> result = new LinkedHashSet<>();
        names.stream().filter(n -> n.startsWith(workerStep + ":")).forEach(result::add);
        return result;
    }

    private static Set<String> matching(String output, boolean completedLines) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : output.lines().toList()) {
            Matcher name = NAME.matcher(line);
            if (!name.find()) {
                continue;
            }
            boolean completed = COMPLETED.matcher(line).find();
            if (completedLines ? completed : !completed && STARTED.matcher(line).find()) {
                names.add(name.group(1) + ":" + name.group(2));
            }
        }
        return names;
    }
}
