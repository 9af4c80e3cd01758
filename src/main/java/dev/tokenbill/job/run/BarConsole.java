package dev.tokenbill.job.run;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.OutputStream;
import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the terminal between the console log and one progress bar, so they never overwrite each other: the bar
 * is the last line of standard output, and a line printed meanwhile (a log line, a warning) erases the bar, is
 * printed, and the bar is drawn again below it. While a bar is shown, StepProgress's periodic lines are kept off
 * the console (the bar says the same, live) and still reach the log file.
 */
final class BarConsole {

    private static final String ERASE_LINE = "\r\033[K";
    private static BarConsole installed;

    private final PrintStream terminal;
    private final int width;
    private String bar = ""; // what is drawn on the last line now; "" while no bar is shown
    private boolean atLineStart = true;

    BarConsole(PrintStream terminal, int width) {
        this.terminal = terminal;
        this.width = width;
    }

    /** The console of this JVM; the first call puts it between System.out and the terminal. */
    static synchronized BarConsole get() {
        if (installed == null) {
            installed = new BarConsole(System.out, terminalWidth());
            PrintStream err = System.err; // stays its own stream (it may be redirected); its lines make room alike
            System.setOut(new PrintStream(installed.lines(), true));
            System.setErr(new PrintStream(installed.lines(err), true));
            installed.keepProgressLinesOffTheConsole();
        }
        return installed;
    }

    /** The output stream for everything else that is printed: it makes room for the bar around each line. */
    OutputStream lines() {
        return lines(terminal);
    }

    /** Like {@link #lines()}, for another stream to the same screen (standard error). */
    OutputStream lines(PrintStream target) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                print(target, bytes, offset, length);
            }

            @Override
            public void flush() {
                target.flush();
            }
        };
    }

    private synchronized void print(PrintStream target, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (!bar.isEmpty() && atLineStart) {
            terminal.print(ERASE_LINE);
            terminal.flush();
        }
        target.write(bytes, offset, length);
        target.flush();
        atLineStart = bytes[offset + length - 1] == '\n';
        if (!bar.isEmpty() && atLineStart) {
            terminal.print(bar);
        }
        terminal.flush();
    }

    /** The consumer one bar draws through; closing it ends the bar's line. */
    ProgressBarConsumer open() {
        return new ProgressBarConsumer() {
            @Override
            public int getMaxRenderedLength() {
                return width - 1; // one column short, so a full line never wraps and \r still reaches its start
            }

            @Override
            public void accept(String rendered) {
                draw(rendered);
            }

            @Override
            public void close() {
                end();
            }
        };
    }

    synchronized boolean showing() {
        return !bar.isEmpty();
    }

    private synchronized void draw(String rendered) {
        bar = rendered;
        if (atLineStart) { // a half-printed line is finished first; the bar comes back after its newline
            terminal.print(ERASE_LINE + rendered);
            terminal.flush();
        }
    }

    private synchronized void end() {
        if (!bar.isEmpty()) {
            if (atLineStart) {
                terminal.println();
            }
            bar = "";
            terminal.flush();
        }
    }

    private static int terminalWidth() {
        try (Terminal t = TerminalBuilder.builder().system(true).dumb(true).build()) {
            return t.getWidth() >= 40 ? t.getWidth() : 80;
        } catch (Exception | LinkageError e) {
            return 80;
        }
    }

    /** Spring Boot's console appender is named CONSOLE; without it the lines show above the bar, which is harmless. */
    private void keepProgressLinesOffTheConsole() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        if (console != null) {
            console.addFilter(new Filter<>() {
                @Override
                public FilterReply decide(ILoggingEvent event) {
                    return showing() && event.getLoggerName().equals(StepProgress.class.getName())
                            ? FilterReply.DENY : FilterReply.NEUTRAL;
                }
            });
        }
    }
}
