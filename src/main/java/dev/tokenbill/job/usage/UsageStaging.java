package dev.tokenbill.job.usage;

import dev.tokenbill.job.BillingProperties;
import dev.tokenbill.job.RunContext;
import dev.tokenbill.usage.pipeline.UsageRange;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the usage steps of a run leave their work for each other, and the plan that prepareUsage makes: the ranges
 * the files are cut into and the number of buckets.
 *
 * <p>The directory: {@code <tokenbill.spill-dir>/usage-<run>-<period>} when that setting is given, else
 * {@code <output>/.staging/usage-<run>-<period>}. One rule for threads and machines: the output directory is the
 * one place that every host of a remote run writes to already (rendering puts the PDFs there), so staging under it
 * is on the shared filesystem without a setting of its own; a local run needs about the usage files' size free
 * there, as it did in the temp directory. The name holds run and period only: every host computes the same path
 * from the job's parameters, and a restart finds what the crashed attempt left.
 */
public final class UsageStaging {

    private static final String PLAN = "plan";

    private UsageStaging() {
    }

    /** The ranges of the usage files (file index into {@code files}, file-name order) and the bucket count. */
    public record Plan(List<String> files, List<UsageRange> ranges, int buckets) {
    }

    public static Path dir(BillingProperties properties, RunContext run) {
        Path base = properties.spillDir() == null || properties.spillDir().isBlank()
                ? run.output().resolve(".staging") : Path.of(properties.spillDir());
        return base.toAbsolutePath().normalize().resolve("usage-" + run.runId() + "-" + run.period().label());
    }

    static void write(Path dir, Plan plan) throws IOException {
        Path temporary = dir.resolve(PLAN + ".tmp");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temporary))) {
            out.writeInt(plan.buckets());
            out.writeInt(plan.files().size());
            for (String file : plan.files()) {
                out.writeUTF(file);
            }
            out.writeInt(plan.ranges().size());
            for (UsageRange r : plan.ranges()) {
                out.writeInt(r.file());
                out.writeLong(r.from());
                out.writeLong(r.to());
                out.writeLong(r.linesBefore());
            }
        }
        Files.move(temporary, dir.resolve(PLAN), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Plan read(Path dir) throws IOException {
        Path file = dir.resolve(PLAN);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no usage plan in " + dir + ": prepareUsage did not complete, or this host"
                    + " does not see the staging directory (it must be on a filesystem every host mounts)");
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            int buckets = in.readInt();
            List<String> files = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                files.add(in.readUTF());
            }
            List<UsageRange> ranges = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                int f = in.readInt();
                ranges.add(new UsageRange(f, files.get(f), in.readLong(), in.readLong(), in.readLong()));
            }
            return new Plan(List.copyOf(files), List.copyOf(ranges), buckets);
        }
    }
}
