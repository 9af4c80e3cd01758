package dev.tokenbill.job;

import static dev.tokenbill.testsupport.RunOutput.fileNames;
import static dev.tokenbill.testsupport.RunOutput.pdfText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.job.run.BillingProperties;
import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.SecondApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Rendering shares each chunk's invoices out over {@code tokenbill.threads} workers: a PDF must depend on its own
 * invoice only. The test context renders on four threads; a second application, on a database of its own, renders
 * the same input on one. Chunks of 7 invoices, so that every chunk is shared out and the last one is short.
 */
@BillingJobTest
@TestPropertySource(properties = {"tokenbill.threads=4", "tokenbill.render-chunk-size=7"})
class ParallelRenderingFunctionalTests {

    private static final String PERIOD = "2026-10";

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private BillingProperties properties;

    @TempDir
    private Path tmp;

    @Test
    void finalRun_SamePdfFilesWithTheSameTextOnOneAndOnFourThreads() throws Exception {
        // given 60 generated customers (most of them with an invoice) and no earlier run
        Path input = tmp.resolve("input");
        SyntheticInput.write(input, GeneratorSpec.of(60, 3_000, PERIOD, 7L), true);
        BillingDatabase.reset(jdbc);
        assertThat(properties.effectiveThreads()).isEqualTo(4);

        // when the period is billed final on four threads here, and on one thread by another application
        JobExecution four = runs.start(PERIOD, true, input, tmp.resolve("four"));
        JobExecution one;
        try (ConfigurableApplicationContext oneThread = SecondApplication.start("tokenbill.threads=1",
                "tokenbill.render-chunk-size=7")) {
            assertThat(oneThread.getBean(BillingProperties.class).effectiveThreads()).isEqualTo(1);
            one = oneThread.getBean(BillingRuns.class).start(PERIOD, true, input, tmp.resolve("one"));
        }

        // then
        assertThat(four.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(one.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> oneThread = pdfTexts(tmp.resolve("one"));
        Map<String, String> fourThreads = pdfTexts(tmp.resolve("four"));
        assertThat(oneThread).hasSizeGreaterThan(3 * 7);
        assertThat(fourThreads.keySet()).containsExactlyElementsOf(oneThread.keySet());
        oneThread.forEach((file, text) -> assertThat(fourThreads.get(file)).as(file).isEqualTo(text));
        assertThat(jdbc.queryForList("select pdf_file from invoice order by pdf_file", String.class))
                .containsExactlyElementsOf(oneThread.keySet());
    }

    /** The text of every invoice PDF of the run, by file name. */
    private static Map<String, String> pdfTexts(Path output) throws IOException {
        Path dir = output.resolve(PERIOD).resolve("invoices");
        Map<String, String> texts = new TreeMap<>();
        for (String name : fileNames(dir)) {
            texts.put(name, pdfText(dir.resolve(name)));
        }
        return texts;
    }
}
