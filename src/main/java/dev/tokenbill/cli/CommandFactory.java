package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import dev.tokenbill.job.partition.remote.RemoteWorker;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Builds the commands without Spring and hands each {@link RunsCommand} the (lazy) billing runs, the worker command its worker. */
final class CommandFactory implements CommandLine.IFactory {

    private final Supplier<BillingRuns> runs;
    private final Supplier<RemoteWorker> worker;

    CommandFactory(Supplier<BillingRuns> runs, Supplier<RemoteWorker> worker) {
        this.runs = runs;
        this.worker = worker;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K made = CommandLine.defaultFactory().create(type);
        if (made instanceof RunsCommand command) {
            command.use(runs);
        }
        if (made instanceof WorkerCommand command) {
            command.use(worker);
        }
        return made;
    }
}
