package dev.tokenbill.job;

import dev.tokenbill.job.usage.UsageSteps;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiskWarningTest {

    @Test
    void testWarns_WhenThePdfsWouldNotFit() {
        // 1,000,000 customers x 50,000 bytes = 50.0 GB needed, 37.0 GB free
        assertThat(ValidateInputsTasklet.diskWarning(1_000_000, 37_000_000_000L)).hasValueSatisfying(w -> assertThat(w)
                .contains("37.0 GB free").contains("1000000 customers").contains("about 50.0 GB").contains("50 KB each"));
    }

    @Test
    void testSilent_WhenTheyFitOrTheFreeSpaceIsUnknown() {
        // 10,000 customers x 50,000 bytes = 0.5 GB needed
        assertThat(ValidateInputsTasklet.diskWarning(10_000, 500_000_000L)).isEmpty();
        assertThat(ValidateInputsTasklet.diskWarning(10_000, 499_999_999L)).isPresent();
        assertThat(ValidateInputsTasklet.diskWarning(10_000, -1)).isEmpty();
    }

    @Test
    void testSpillWarns_WhenTheUsageFilesWouldNotFit() {
        // 80 GB of usage files spill about as much; 50 GB free
        assertThat(UsageSteps.spillWarning(80_000_000_000L, 50_000_000_000L, Path.of("/tmp"))).hasValueSatisfying(w ->
                assertThat(w).contains("/tmp has 50.0 GB free").contains("(80.0 GB)").contains("tokenbill.spill-dir"));
        assertThat(UsageSteps.spillWarning(80_000_000L, 79_999_999L, Path.of("/tmp"))).isPresent();
    }

    @Test
    void testSpillSilent_WhenTheyFitOrTheFreeSpaceIsUnknown() {
        assertThat(UsageSteps.spillWarning(80_000_000L, 80_000_000L, Path.of("/tmp"))).isEmpty();
        assertThat(UsageSteps.spillWarning(80_000_000L, -1, Path.of("/tmp"))).isEmpty();
    }
}
