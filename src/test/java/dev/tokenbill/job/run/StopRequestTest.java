package dev.tokenbill.job.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StopRequestTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final StopRequest request = new StopRequest(now::get, () -> {
        polls.incrementAndGet();
        return stopping.get();
    });

    @Test
    void testRepositoryIsReadAtMostOncePer200Ms() {
        // given: no stop requested
        // when: asked at 0, 1, 199, 200 and 399 ms
        boolean[] answers = new boolean[5];
        long[] atMillis = {0, 1, 199, 200, 399};
        for (int i = 0; i < atMillis.length; i++) {
            now.set(1_000_000_000L + atMillis[i] * 1_000_000);
            answers[i] = request.getAsBoolean();
        }

        // then: polled at 0 and 200 ms only
        assertThat(answers).containsOnly(false);
        assertThat(polls).hasValue(2);
    }

    @Test
    void testStopIsSeenAtTheNextPoll_andStaysSeenWithoutPolling() {
        // given: polled once, then the repository turns STOPPING
        assertThat(request.getAsBoolean()).isFalse();
        stopping.set(true);

        // when / then: 100 ms later the last answer stands; at 200 ms the stop is seen
        now.addAndGet(100_000_000L);
        assertThat(request.getAsBoolean()).isFalse();
        now.addAndGet(100_000_000L);
        assertThat(request.getAsBoolean()).isTrue();

        // and from then on without asking the repository again, whatever it says
        stopping.set(false);
        now.addAndGet(1_000_000_000L);
        assertThat(request.getAsBoolean()).isTrue();
        assertThat(polls).hasValue(2);
    }
}
