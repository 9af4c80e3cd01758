package dev.tokenbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The push on its own, against the loopback stand-in: the grouping path, and what an absent Pushgateway does. */
class PushgatewayTest {

    @Test
    void push_PutsTheTextUnderJobPeriodAndMode_WhateverTheTrailingSlashOfTheUrl() throws Exception {
        try (PushgatewayStandIn standIn = new PushgatewayStandIn()) {
            // given
            Pushgateway pushgateway = new Pushgateway(standIn.url() + "/", Duration.ofSeconds(5));

            // when
            pushgateway.push("2026-11-21", "FINAL", "tokenbill_run_id 7.0\n");

            // then
            assertThat(standIn.requests()).singleElement().satisfies(push -> {
                assertThat(push.method()).isEqualTo("PUT");
                assertThat(push.path()).isEqualTo("/metrics/job/tokenbill/period/2026-11-21/mode/FINAL");
                assertThat(push.body()).isEqualTo("tokenbill_run_id 7.0\n");
            });
        }
    }

    @Test
    void push_ToAPortNobodyListensOn_FailsWithAnIOExceptionWithinTheTimeout() throws Exception {
        // given the port of a stand-in that has stopped
        String url;
        try (PushgatewayStandIn stopped = new PushgatewayStandIn()) {
            url = stopped.url();
        }
        Pushgateway pushgateway = new Pushgateway(url, Duration.ofSeconds(2));

        // when, then
        long start = System.nanoTime();
        assertThatThrownBy(() -> pushgateway.push("2026-10", "DRAFT", "x 1\n")).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
