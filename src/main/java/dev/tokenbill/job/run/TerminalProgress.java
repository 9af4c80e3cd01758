package dev.tokenbill.job.run;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live progress bar of one step on a terminal (records done, rate, time left), drawn by
 * {@code me.tongfei:progressbar} through {@link BarConsole}; without a terminal (cron, systemd, a pipe,
 * CI) it is {@link #NONE} and StepProgress's log lines tell the progress, as before.
 */
interface TerminalProgress extends AutoCloseable {

    TerminalProgress NONE = new TerminalProgress() {
        @Override
        public void stepTo(long done) {
        }

        @Override
        public void close() {
        }
    };

    void stepTo(long done);

    /** Draws the bar a last time and leaves it on its line; the next step's bar starts below it. */
    @Override
    void close();

    /** A bar when standard input and output are a terminal and the CI variable is unset; else {@link #NONE}. */
    static TerminalProgress open(String step, long total, String items) {
        if (System.console() == null || System.getenv("CI") != null) {
            return NONE;
        }
        return bar(BarConsole.get(), step, total, items);
    }

    static TerminalProgress bar(BarConsole console, String step, long total, String items) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(step).setInitialMax(total).setUnit(" " + items, 1)
                .showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setConsumer(console.open()).build();
        return new TerminalProgress() {
            @Override
            public void stepTo(long done) {
                bar.stepTo(done);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
