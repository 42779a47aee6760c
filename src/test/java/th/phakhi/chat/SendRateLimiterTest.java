package th.phakhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import th.phakhi.chat.internal.SendRateLimiter;

class SendRateLimiterTest {

    @Test
    void twentyMessagesInTenSecondsThenTheNextWaits() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T00:00:00Z"));
        Clock clock = new Clock() {
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now.get(); }
        };
        var constructor = SendRateLimiter.class.getDeclaredConstructor(Clock.class, int.class, Duration.class);
        constructor.setAccessible(true);
        SendRateLimiter limiter = constructor.newInstance(clock, 20, Duration.ofSeconds(10));
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("a")).isTrue();
            now.set(now.get().plusMillis(100));
        }
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).as("another person is not affected").isTrue();
        now.set(now.get().plusSeconds(9));
        assertThat(limiter.tryAcquire("a")).as("the oldest send has left the window").isTrue();
    }
}
