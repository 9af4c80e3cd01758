package dev.tokenbill.job.run;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Tells ops how far a chunk step has got: after a chunk is written, at most once per interval,
 * "rateCustomers: 4,000 of 10,000 customers (812/s), about 7 s left". The amount of work is counted
 * when the step starts (a restarted step counts only what is left), items when they are read.
 * On a terminal a live bar shows the same ({@link TerminalProgress}), closed when the step ends.
 *
 * <p>A partitioned step reports as one: this listener goes on the manager step, and {@link #items()} on the worker
 * step, so that the partitions running in this JVM add to the one count (a worker on another JVM, where the manager
 * step did not start, reports nothing here).
 */
public final class StepProgress implements StepExecutionListener, ItemReadListener<Object>, ItemWriteListener<Object> {

    private static final Logger log = LoggerFactory.getLogger(StepProgress.class);

    private final String items;
    private final ToLongFunction<StepExecution> toDo;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Consumer<String> report;
    private final AtomicLong read = new AtomicLong();
    private String step;
    private long total;
    private long started;
    private long lastLog;
    private TerminalProgress bar = TerminalProgress.NONE;

    /**
     * @param items what the step works through, plural ("customers")
     * @param toDo how many items this execution has to do, counted before it starts
     */
    public StepProgress(String items, ToLongFunction<StepExecution> toDo) {
        this(items, toDo, 10_000_000_000L, System::nanoTime, log::info);
    }

    StepProgress(String items, ToLongFunction<StepExecution> toDo, long intervalNanos, LongSupplier clock,
            Consumer<String> report) {
        this.items = items;
        this.toDo = toDo;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.report = report;
    }

    @Override
    public synchronized void beforeStep(StepExecution stepExecution) {
        step = stepExecution.getStepName();
        total = Math.max(0, toDo.applyAsLong(stepExecution));
        read.set(0);
        started = clock.getAsLong();
        lastLog = started;
        report.accept(step + ": " + total + " " + items + " to do");
        bar.close();
        bar = TerminalProgress.open(step, total, items);
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution stepExecution) {
        bar.close();
        bar = TerminalProgress.NONE;
        return null;
    }

    /** Both item listeners in one type: a step builder's {@code listener(StepListener)} registers it as both. */
    public interface ItemListener extends ItemReadListener<Object>, ItemWriteListener<Object> {
    }

    /**
     * The item side of this listener alone, for the worker step of a partitioned step. Typed as a listener on
     * purpose: Spring Batch's {@code listener(Object)} registers only annotated methods, so a plain Object here was
     * silently dropped and partitioned steps logged no progress.
     */
    public ItemListener items() {
        StepProgress progress = this;
        class Items implements ItemListener {
            @Override
            public void afterRead(Object item) {
                progress.afterRead(item);
            }

            @Override
            public void afterWrite(Chunk<?> written) {
                progress.afterWrite(written);
            }
        }
        return new Items();
    }

    @Override
    public void afterRead(Object item) {
        read.incrementAndGet();
    }

    @Override
    public synchronized void afterWrite(Chunk<?> written) {
        if (step == null) {
            return; // not started in this JVM
        }
        bar.stepTo(read.get());
        long now = clock.getAsLong();
        if (now - lastLog < intervalNanos) {
            return;
        }
        lastLog = now;
        long done = read.get();
        long nanos = now - started;
        double perSecond = nanos <= 0 ? 0 : done * 1e9 / nanos;
        String left = perSecond <= 0 || done >= total ? ""
                : ", about " + Math.round(Math.ceil((total - done) / perSecond)) + " s left";
        report.accept(String.format(Locale.ROOT, "%s: %d of %d %s (%.0f/s)%s", step, done, total, items, perSecond, left));
    }
}
