package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Builds the commands without Spring and hands each {@link RunsCommand} the (lazy) billing runs. */
final class CommandFactory implements CommandLine.IFactory {

    private final Supplier<BillingRuns> runs;

    CommandFactory(Supplier<BillingRuns> runs) {
        this.runs = runs;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K made = CommandLine.defaultFactory().create(type);
        if (made instanceof RunsCommand command) {
            command.use(runs);
        }
        return made;
    }
}
