package dev.tokenbill.endtoend;

/** {@link SigtermEndToEndIT} with the jar on PostgreSQL (the {@code postgres} profile), a new database per case. */
class SigtermPostgresEndToEndIT extends SigtermEndToEndIT {

    @Override
    EndToEndDatabase database() {
        return EndToEndDatabase.POSTGRES;
    }
}
