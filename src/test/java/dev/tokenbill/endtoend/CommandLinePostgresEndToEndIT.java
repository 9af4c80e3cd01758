package dev.tokenbill.endtoend;

/**
 * {@link CommandLineEndToEndIT} with the jar on PostgreSQL (the {@code postgres} profile): restart and status print
 * the same sentences. (--help, --version and usage errors open no database: they run on H2 only.)
 */
class CommandLinePostgresEndToEndIT extends CommandLineEndToEndIT {

    @Override
    EndToEndDatabase database() {
        return EndToEndDatabase.POSTGRES;
    }
}
