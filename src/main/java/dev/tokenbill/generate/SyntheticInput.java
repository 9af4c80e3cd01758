package dev.tokenbill.generate;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a synthetic input directory: {@code catalog.yaml} (the sample catalog, embedded),
 * {@code customers.csv}, {@code subscriptions.csv} and {@code usage/part-0001.csv}... The random
 * streams are split from the seed in a fixed order (tag, population, customer text, out-of-period
 * rows, then two per usage file), so the files are byte-identical for the same spec.
 */
public final class SyntheticInput {

    private static final String CATALOG = "/generate/catalog.yaml";
    private static final List<String> COUNTRIES = List.of("IE", "DE", "FR", "US", "GB");

    private SyntheticInput() {
    }

    /** Writes into {@code dir}, which must be missing or empty. */
    public static GenerationReport write(Path dir, GeneratorSpec spec) throws IOException {
        return write(dir, spec, false);
    }

    /**
     * Writes into {@code dir}. With {@code replace}, an earlier generated input there is replaced
     * (catalog.yaml, customers.csv, subscriptions.csv and every usage/*.csv are deleted first);
     * without it, a non-empty {@code dir} is refused with an {@link IllegalArgumentException}.
     */
    public static GenerationReport write(Path dir, GeneratorSpec spec, boolean replace) throws IOException {
        byte[] catalogFile = catalogBytes();
        Catalog catalog = CatalogLoader.load("classpath:" + CATALOG, new StringReader(new String(catalogFile, StandardCharsets.UTF_8)));
        check(catalog);
        PlanMix mix = PlanMix.from(catalog);
        prepare(dir, replace);

        SplittableRandom root = new SplittableRandom(spec.seed());
        String tag = String.format("%08x", root.nextInt());
        SplittableRandom people = root.split();
        SplittableRandom text = root.split();
        SplittableRandom outOfPeriod = root.split();
        SplittableRandom files = root.split();

        Population population = Population.generate(spec.customers(), (int) spec.period().days(), mix, people);
        long bytes = writeCatalog(dir, catalogFile) + CustomerWriter.write(dir, population, spec.period().start(), text);
        Timeline timeline = new Timeline(spec.period(), population.activeWeightByDay());
        DirtRows dirt = new DirtRows(spec.badRate(), tag, mix, spec.customers());
        UsageWriter usage = new UsageWriter(spec, timeline, new EventFactory(population, timeline), dirt, tag);
        List<Path> written = usage.write(dir.resolve("usage"), files, outOfPeriod);
        return new GenerationReport(dir, written, spec.customers(), population.subscriptions(), spec.events(),
                dirt.counts(), bytes + usage.bytes());
    }

    /** The embedded sample catalog, byte for byte. */
    public static byte[] catalogBytes() {
        try (InputStream in = SyntheticInput.class.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + CATALOG);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long writeCatalog(Path dir, byte[] content) throws IOException {
        try (AtomicFile file = new AtomicFile(dir.resolve("catalog.yaml"))) {
            file.stream().write(content);
            return file.commit();
        }
    }

    private static void check(Catalog catalog) {
        if (!catalog.billingZone().normalized().equals(ZoneOffset.UTC)) {
            throw new IllegalStateException("the generator writes UTC days, but the catalog bills in " + catalog.billingZone());
        }
        for (String country : COUNTRIES) {
            catalog.taxFor(country).orElseThrow(() -> new IllegalStateException("the catalog has no tax rate for " + country));
        }
    }

    private static void prepare(Path dir, boolean replace) throws IOException {
        Path usage = dir.resolve("usage");
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !replace) {
                throw new IllegalArgumentException(dir + " is not empty (use --force to replace a generated input)");
            }
            for (String name : List.of("catalog.yaml", "customers.csv", "subscriptions.csv")) {
                Files.deleteIfExists(dir.resolve(name));
            }
            if (Files.isDirectory(usage)) {
                try (DirectoryStream<Path> csv = Files.newDirectoryStream(usage, "*.csv")) {
                    for (Path file : csv) {
                        Files.delete(file);
                    }
                }
            }
        }
        Files.createDirectories(usage);
    }
}
