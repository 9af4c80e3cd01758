package dev.tokenbill.job.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** invoice.invoice_number is varchar(32) and a number has six digits: the prefix may have 26 characters. */
class InvoicePrefixTest {

    @Test
    void testPrefixOf26Characters_Fits() {
        assertThat(ValidateInputsTasklet.invoicePrefixProblem("P".repeat(26))).isEmpty();
        assertThat(ValidateInputsTasklet.invoicePrefixProblem("TB-")).isEmpty();
    }

    @Test
    void testPrefixOf27Characters_IsAProblemBeforeAnyBillingWork() {
        assertThat(ValidateInputsTasklet.invoicePrefixProblem("P".repeat(27))).hasValue("tokenbill.invoice-number-prefix is"
                + " 27 characters, at most 26 are stored (an invoice number is the prefix and 6 digits, at most 32 characters)");
    }
}
