package dev.tokenbill.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.testsupport.Fixtures;
import dev.tokenbill.testsupport.SecondApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A restart bills the files its run started with: a changed usage file is named and the restart refused. */
class RestartInputsFunctionalTests {

    @TempDir
    Path work;

    @Test
    void testUsageFileChangedAfterAFailedFinal_RestartRefusedNamingIt_ThenFilePutBack_RestartCompletes() throws Exception {
        Path input = Fixtures.copyOfSample(work.resolve("input"));
        Path usage = input.resolve("usage/2026-10-b.csv");
        byte[] original = Files.readAllBytes(usage);
        try (ConfigurableApplicationContext context = SecondApplication.start("logging.threshold.console=OFF",
                "tokenbill.rating-chunk-size=2")) {
            BillingRuns runs = context.getBean(BillingRuns.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // given: a final run that failed in rateCustomers, after its inputs were recorded
            jdbc.execute("alter table invoice add constraint no_tidewater check (customer_id <> 'tidewater-analytics')");
            assertThat(runs.start("2026-10", true, input, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.FAILED);
            jdbc.execute("alter table invoice drop constraint no_tidewater");

            // when: a usage row is added to one file before the restart
            Files.writeString(usage, "late-1,2026-10-30T10:00:00Z,cobalt-voice,gpt-4o-mini,10,10,0,\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            // then: refused, naming the file; nothing was restarted
            assertThatThrownBy(() -> runs.restart("2026-10")).isInstanceOf(BillingRuns.RunRefusedException.class)
                    .hasMessageContaining("usage/2026-10-b.csv changed").hasMessageContaining("put them back")
                    .message().doesNotContain("2026-10-a.csv");

            // when: the file is put back
            Files.write(usage, original);

            // then: the restart completes
            assertThat(runs.restart("2026-10").execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(jdbc.queryForObject("select count(*) from run_input where file_name like 'usage/%'", Integer.class))
                    .isEqualTo(3);
        }
    }
}
