package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on billing runs. It is built and parsed without Spring; the runs come from a supplier that
 * starts Spring (and opens the database) on first use, so --help, --version and usage errors never do.
 */
abstract class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private Supplier<BillingRuns> runs = () -> {
        throw new IllegalStateException("no billing runs given to " + getClass().getSimpleName());
    };

    void use(Supplier<BillingRuns> runs) {
        this.runs = runs;
    }

    BillingRuns runs() {
        return runs.get();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
