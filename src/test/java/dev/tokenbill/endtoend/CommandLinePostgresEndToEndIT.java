package dev.tokenbill.endtoend;

/**
 * {@link CommandLineEndToEndIT} with the jar pointed at PostgreSQL (the {@code postgres} profile): --help, --version
 * and usage errors leave its database unmigrated; restart and status print the same sentences.
 */
class CommandLinePostgresEndToEndIT extends CommandLineEndToEndIT {

    @Override
    EndToEndDatabase database() {
        return EndToEndDatabase.POSTGRES;
    }
}
