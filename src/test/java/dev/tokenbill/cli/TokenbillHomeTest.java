package dev.tokenbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenbillHomeTest {

    @AfterEach
    void clear() {
        System.clearProperty(TokenbillHome.PROPERTY);
    }

    @Test
    void testRelativeHome_IsMadeAbsoluteAgainstTheWorkingDirectory() {
        System.setProperty(TokenbillHome.PROPERTY, "billing/../home");
        assertThat(TokenbillHome.path()).isEqualTo(Path.of(System.getProperty("user.dir"), "home"));
    }

    @Test
    void testPublish_SetsTheAbsoluteHomeForApplicationProperties() {
        System.setProperty(TokenbillHome.PROPERTY, "/var/lib/tokenbill/");
        TokenbillHome.publish();
        assertThat(System.getProperty(TokenbillHome.PROPERTY)).isEqualTo("/var/lib/tokenbill");
    }

    @Test
    void testRunWithoutInputOrOutput_HasNoWorkingDirectoryDefault() {
        // the defaults are taken under the home when the run starts, not fixed by picocli as "input" and "output"
        RunCommand run = picocli.CommandLine.populateCommand(new RunCommand(), "--period", "2026-10");
        assertThat(run.input).isNull();
        assertThat(run.output).isNull();
    }
}
