package dev.tokenbill.job.partition.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.job.RunInputs.Fingerprint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RemoteSettingsTest {

    private static final String POSTGRES = "jdbc:postgresql://db:5432/tokenbill";

    private static RemoteProperties settings(boolean worker, String url, String user, String password) {
        return new RemoteProperties(true, worker, url, RemoteProperties.DEFAULT_BIND, user, password,
                Duration.ofMinutes(10), Duration.ofSeconds(1));
    }

    @Test
    void theDefaultsListenOnLoopbackOnlyAndWaitTenMinutes() {
        RemoteProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of("tokenbill.remote.enabled",
                "true"))).bindOrCreate("tokenbill.remote", RemoteProperties.class);

        assertThat(defaults.embeddedBind()).isEqualTo("tcp://127.0.0.1:61616");
        assertThat(defaults.partitionTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.embeddedBroker()).isTrue();
    }

    @Test
    void userAndPasswordAreRequiredAndNamed() {
        assertThatThrownBy(() -> RemoteSettings.check(settings(false, "", "", "x"), POSTGRES))
                .isInstanceOf(RemoteSettingException.class).hasMessageContaining("tokenbill.remote.user")
                .hasMessageContaining("TOKENBILL_BROKER_USER");
        assertThatThrownBy(() -> RemoteSettings.check(settings(false, "", "u", ""), POSTGRES))
                .isInstanceOf(RemoteSettingException.class).hasMessageContaining("tokenbill.remote.password");
        assertThatCode(() -> RemoteSettings.check(settings(false, "", "u", "p"), POSTGRES)).doesNotThrowAnyException();
    }

    @Test
    void aWorkerNeedsTheBrokerUrl() {
        assertThatThrownBy(() -> RemoteSettings.check(settings(true, "", "u", "p"), POSTGRES))
                .isInstanceOf(RemoteSettingException.class).hasMessageContaining("tokenbill.remote.broker-url");
        assertThat(settings(true, "tcp://10.0.0.5:61616", "u", "p").embeddedBroker()).isFalse();
    }

    @Test
    void h2IsRefusedInRemoteMode() {
        assertThatThrownBy(() -> RemoteSettings.check(settings(false, "", "u", "p"), "jdbc:h2:file:./data/tokenbill"))
                .isInstanceOf(RemoteSettingException.class).hasMessageContaining("H2")
                .hasMessageContaining("spring.datasource.url");
    }

    @Test
    void theInputCheckSaysWhatTheWorkerSeesAndWhatTheRunRecorded() {
        var recorded = Map.of("usage/u1.csv", new Fingerprint(1240, "a".repeat(64)));

        assertThat(WorkerInputCheck.compare("worker host h1", Path.of("/in"), recorded,
                Map.of("usage/u1.csv", new Fingerprint(1234, "b".repeat(64)))))
                .contains("worker host h1 sees usage/u1.csv with 1,234 bytes, the run recorded 1,240");
        assertThat(WorkerInputCheck.compare("worker host h1", Path.of("/in"), recorded, Map.of()))
                .contains("worker host h1 does not see usage/u1.csv in /in, the run recorded 1,240 bytes");
        assertThat(WorkerInputCheck.compare("worker host h1", Path.of("/in"), recorded,
                Map.of("usage/u1.csv", new Fingerprint(1240, "c".repeat(64))))).get().asString()
                .contains("other content of the same size");
        assertThat(WorkerInputCheck.compare("worker host h1", Path.of("/in"), recorded, recorded)).isEmpty();
    }
}
