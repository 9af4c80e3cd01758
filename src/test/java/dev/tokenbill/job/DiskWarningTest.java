package dev.tokenbill.job;

import static org.assertj.core.api.Assertions.assertThat;

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
}
