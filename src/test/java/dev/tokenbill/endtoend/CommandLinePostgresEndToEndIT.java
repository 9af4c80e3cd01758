package dev.tokenbill.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CommandLineEndToEndIT} with the jar on PostgreSQL (the {@code postgres} profile): restart and status print
 * the same sentences. (--help, --version and usage errors open no database: they run on H2 only.) And the profile
 * without a server named refuses to start rather than bill into an H2 file.
 */
class CommandLinePostgresEndToEndIT extends CommandLineEndToEndIT {

    @Override
    EndToEndDatabase database() {
        return EndToEndDatabase.POSTGRES;
    }

    @Test
    void testPostgresProfileWithoutUrl_RefusesToStartNamingTheSetting() throws Exception {
        // given: the profile on, SPRING_DATASOURCE_URL forgotten
        Path dir = work.resolve("no-url");
        EndToEndDatabase.JarDatabase unnamed = new EndToEndDatabase.JarDatabase("(none)", "tokenbill",
                Map.of("SPRING_PROFILES_ACTIVE", "postgres"));

        // when
        TokenbillProcess.Result result = TokenbillProcess.runPlain(dir, unnamed, "status");

        // then: exit 1 with the one line that says what is missing; no H2 database (nor ./data) was created
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("tokenbill: cannot start: the postgres profile needs SPRING_DATASOURCE_URL"
                + " (or --spring.datasource.url=), e.g. jdbc:postgresql://db.example.com:5432/tokenbill");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("stdout")
                    || n.equals("tokenbill.log"));
        }
    }
}
