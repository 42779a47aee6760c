package th.phakhi.shared.mongo;

import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * How long a call waits for an unreachable database before it fails: 10 s instead of the
 * driver's 30 s, so a person who presses "send" during an outage hears within seconds that the
 * database is not answering (and keeps what they typed) rather than watching a frozen screen.
 * An address that sets {@code serverSelectionTimeoutMS} itself keeps its own value.
 */
@Component
class ServerSelectionTimeout implements MongoClientSettingsBuilderCustomizer, Ordered {

    private static final long DRIVER_DEFAULT_MS = 30_000;

    private final Duration timeout;

    ServerSelectionTimeout(@Value("${phakhi.mongo.server-selection-timeout:PT10S}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        MongoClientSettings current = builder.build();
        if (current.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS) == DRIVER_DEFAULT_MS) {
            builder.applyToClusterSettings(c -> c.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
