package dev.tokenbill.endtoend;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** {@link SigtermEndToEndIT} with the jar on PostgreSQL (the {@code postgres} profile), a new database per case. */
class SigtermPostgresEndToEndIT extends SigtermEndToEndIT {

    @Override
    EndToEndDatabase database() {
        return EndToEndDatabase.POSTGRES;
    }

    /** On PostgreSQL the partitioned rating step only: the stop itself does not depend on the database (CI time). */
    @Override
    Stream<Arguments> signalPoints() {
        return Stream.of(Arguments.of("rateCustomers", 2));
    }
}
