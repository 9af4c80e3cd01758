package dev.tokenbill.bench;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.customer.internal.CustomerFiles;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.usage.internal.UsageFiles;
import dev.tokenbill.usage.pipeline.AggregatedUsage;
import dev.tokenbill.usage.pipeline.DailyRequests;
import dev.tokenbill.usage.pipeline.FileTally;
import dev.tokenbill.usage.pipeline.UsagePipeline;
import dev.tokenbill.usage.pipeline.UsageReject;
import dev.tokenbill.usage.pipeline.UsageSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The usage pipeline alone on a generated input, no database: {@code UsagePipelineBench INPUT_DIR
 * [THREADS] [ROUNDS]}. For profiling the read/classify/de-duplicate path (bench/run.sh measures the job).
 */
public final class UsagePipelineBench {

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Catalog catalog = CatalogLoader.load(input.resolve("catalog.yaml"));
        var book = CustomerFiles.read(input, catalog);
        Map<String, List<Subscription>> byCustomer = book.subscriptions().stream()
                .collect(Collectors.groupingBy(Subscription::customerId));
        book.customers().forEach(c -> byCustomer.putIfAbsent(c.id(), List.of()));
        UsageClassifier classifier = new UsageClassifier(catalog, BillingPeriod.parse("2026-10"), byCustomer);
        long[] counts = new long[3];
        UsageSink sink = new UsageSink() {
            public void rejects(List<UsageReject> rejects) {
                counts[0] += rejects.size();
            }

            public void totals(List<AggregatedUsage> totals) {
                counts[1] += totals.size();
            }

            public void files(List<FileTally> files) {
                counts[2] += files.size();
            }

            public void daily(List<DailyRequests> daily) {
            }
        };
        for (int round = 0; round < rounds; round++) {
            Path spill = Files.createTempDirectory("usage-bench");
            long start = System.nanoTime();
            UsagePipeline.Result result = new UsagePipeline(classifier, new UsagePipeline.Settings(threads, 16L << 20, spill))
                    .run(UsageFiles.list(input), sink);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d rows in %.2f s = %.0f rows/s (%d partitions)%n", round, result.read(), seconds,
                    result.read() / seconds, result.partitions());
            try (var files = Files.list(spill)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(spill);
        }
    }
}
