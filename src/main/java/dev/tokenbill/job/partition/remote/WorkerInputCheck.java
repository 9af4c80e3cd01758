package dev.tokenbill.job.partition.remote;

import dev.tokenbill.job.RunInputs;
import dev.tokenbill.job.RunInputs.Fingerprint;
import dev.tokenbill.job.RunParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;

/**
 * Whether this worker sees the input files its run recorded (table run_input: size and SHA-256 of each file, written
 * when validateInputs completed): the input path must be on a filesystem every host mounts, with the same files. The
 * answer is computed once per job execution (hashing reads every byte) and kept.
 */
final class WorkerInputCheck {

    private final RunInputs runInputs;
    private final String worker;
    private final Map<Long, Optional<String>> checked = new ConcurrentHashMap<>();

    WorkerInputCheck(RunInputs runInputs, String worker) {
        this.runInputs = runInputs;
        this.worker = worker;
    }

    /** Empty when this worker sees the run's files; else one sentence per file that differs. */
    Optional<String> differences(JobExecution job) {
        return checked.computeIfAbsent(job.getId(), id -> compute(job));
    }

    private Optional<String> compute(JobExecution job) {
        Map<String, Fingerprint> recorded = runInputs.recorded(job.getJobInstance().getInstanceId());
        if (recorded.isEmpty()) {
            return Optional.empty(); // validateInputs has not recorded them: nothing to compare with
        }
        String path = job.getJobParameters().getString(RunParameters.INPUT);
        if (path == null) {
            return Optional.of(worker + " cannot check the input files: the run has no '" + RunParameters.INPUT
                    + "' parameter");
        }
        Path input = Path.of(path);
        if (!Files.isDirectory(input)) {
            return Optional.of(worker + " does not see the input directory " + input
                    + " (it must be on a filesystem every host mounts, at the same path)");
        }
        return compare(worker, input, recorded, RunInputs.fingerprint(input));
    }

    /** The sentences for what differs between what the run recorded and what the worker sees. */
    static Optional<String> compare(String worker, Path input, Map<String, Fingerprint> recorded,
            Map<String, Fingerprint> seen) {
        List<String> differences = new ArrayList<>();
        for (var e : recorded.entrySet()) {
            Fingerprint mine = seen.get(e.getKey());
            Fingerprint run = e.getValue();
            if (mine == null) {
                differences.add(worker + " does not see " + e.getKey() + " in " + input + ", the run recorded "
                        + bytes(run.size()));
            } else if (mine.size() != run.size()) {
                differences.add(worker + " sees " + e.getKey() + " with " + bytes(mine.size()) + ", the run recorded "
                        + bytes(run.size()).replace(" bytes", ""));
            } else if (!mine.sha256().equals(run.sha256())) {
                differences.add(worker + " sees " + e.getKey() + " with other content of the same size (sha256 "
                        + mine.sha256().substring(0, 12) + ", the run recorded " + run.sha256().substring(0, 12) + ")");
            }
        }
        for (String name : seen.keySet()) {
            if (!recorded.containsKey(name)) {
                differences.add(worker + " sees " + name + ", which the run did not record");
            }
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
    }

    private static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }
}
