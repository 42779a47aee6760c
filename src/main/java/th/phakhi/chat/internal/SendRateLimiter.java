package th.phakhi.chat.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At most {@code max} messages per person in any {@code window} (default 20 in 10 seconds), per
 * app node. With sticky sessions a person's screen talks to one node; a STOMP client spread over
 * nodes could send up to that many per node, which is still a small multiple.
 */
@Component
public class SendRateLimiter {

    private final Clock clock;
    private final int max;
    private final Duration window;
    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();

    SendRateLimiter(Clock clock, @Value("${phakhi.chat.rate.max:20}") int max,
                    @Value("${phakhi.chat.rate.window:10s}") Duration window) {
        this.clock = clock;
        this.max = max;
        this.window = window;
    }

    /** Records a send and says whether it is allowed. */
    public boolean tryAcquire(String accountId) {
        long now = clock.millis();
        Deque<Long> times = sent.computeIfAbsent(accountId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    public int max() {
        return max;
    }

    public long windowSeconds() {
        return window.toSeconds();
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetIdle() {
        long cutoff = clock.millis() - window.toMillis();
        sent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast() <= cutoff;
            }
        });
    }
}
