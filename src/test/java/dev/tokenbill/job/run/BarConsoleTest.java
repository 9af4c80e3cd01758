package dev.tokenbill.job.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The bar and the console log share one terminal: a log line never lands on the bar's line, nor the bar on a log line. */
class BarConsoleTest {

    private static final String ERASE = "\r\033[K";

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final BarConsole console = new BarConsole(new PrintStream(screen, true, StandardCharsets.UTF_8), 60);
    private final PrintStream out = new PrintStream(console.lines(), true, StandardCharsets.UTF_8);

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void testLogLineWhileBarShown_ErasesTheBarPrintsTheLineAndDrawsTheBarBelowIt() {
        ProgressBarConsumer bar = console.open();
        out.print("before\n");
        bar.accept("rateCustomers 40%");
        out.print("12:00:01 WARN  something\n");
        bar.accept("rateCustomers 50%");
        bar.close();
        out.print("after\n");

        assertThat(screen()).isEqualTo("before\n" + ERASE + "rateCustomers 40%" + ERASE + "12:00:01 WARN  something\n"
                + "rateCustomers 40%" + ERASE + "rateCustomers 50%" + "\n" + "after\n");
        assertThat(bar.getMaxRenderedLength()).isEqualTo(59);
    }

    @Test
    void testBarDuringAHalfPrintedLine_WaitsForItsNewline() {
        ProgressBarConsumer bar = console.open();
        out.print("12:00:01 INFO  half");
        bar.accept("renderInvoices 10%"); // not drawn: it would land on the half line
        out.print(" line\n");
        bar.close();

        assertThat(screen()).isEqualTo("12:00:01 INFO  half line\n" + "renderInvoices 10%" + "\n");
    }

    @Test
    void testStandardErrorLineWhileBarShown_GoesToItsOwnStreamAndTheBarMakesRoom() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(console.lines(new PrintStream(errors, true, StandardCharsets.UTF_8)), true,
                StandardCharsets.UTF_8);
        ProgressBarConsumer bar = console.open();
        bar.accept("renderInvoices 10%");
        err.print("tokenbill: stop requested (signal)\n");

        assertThat(errors.toString(StandardCharsets.UTF_8)).isEqualTo("tokenbill: stop requested (signal)\n");
        assertThat(screen()).isEqualTo(ERASE + "renderInvoices 10%" + ERASE + "renderInvoices 10%");
    }

    @Test
    void testNoBar_OutputPassesThroughUnchanged() {
        out.print("one\ntwo\n");
        assertThat(screen()).isEqualTo("one\ntwo\n");
        assertThat(console.showing()).isFalse();
    }

    @Test
    void testStepProgressWithoutTerminal_HasNoBar() {
        // surefire runs without a console: the bar must be the no-op one, the log lines stay as they were
        assertThat(System.console()).isNull();
        assertThat(TerminalProgress.open("rateCustomers", 10, "customers")).isSameAs(TerminalProgress.NONE);
    }
}
