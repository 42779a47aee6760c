package th.phakhi.shared.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.BsonTimestamp;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB: mongo-java-server with its H2 MVStore backend and the oplog enabled
 * (so change streams work), bound to a loopback address only.
 *
 * <p>It is a plain object with an explicit life cycle: {@link #start()} before the driver
 * connects, {@link #stop()} after the last client is gone, which commits and closes the store.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final EmbeddedMongoProperties properties;
    /** How long oplog entries are kept: change streams resume within this; older ones are trimmed. */
    public static final Duration OPLOG_RETENTION = Duration.ofMinutes(2);

    private H2Backend backend;
    private MongoServer server;
    private InetSocketAddress address;
    private MongoClient trimClient;
    private ScheduledExecutorService trimmer;

    public EmbeddedMongoServer(EmbeddedMongoProperties properties) {
        this.properties = properties;
    }

    public synchronized EmbeddedMongoServer start() {
        if (server != null) {
            return this;
        }
        try {
            InetAddress bindAddress = InetAddress.getByName(properties.host());
            if (!bindAddress.isLoopbackAddress()) {
                throw new IllegalStateException("The embedded MongoDB has no authentication and binds only to a "
                        + "loopback address, not " + properties.host());
            }
            backend = properties.inMemory() ? H2Backend.inMemory() : new H2Backend(openStore(properties.dataDir()));
            server = new MongoServer(backend);
            server.enableOplog();
            server.bind(new InetSocketAddress(bindAddress, properties.port()));
            address = server.getLocalAddress();
            startOplogTrimming();
            log.info("Embedded MongoDB listening on {}:{} ({})", address.getHostString(), address.getPort(),
                    properties.inMemory() ? "in memory" : "data in " + storeFile(properties.dataDir()).toAbsolutePath());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded MongoDB", e);
        }
    }

    public String connectionString() {
        if (address == null) {
            throw new IllegalStateException("Embedded MongoDB is not started");
        }
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + properties.database();
    }

    public String describe() {
        return properties.inMemory() ? "in memory" : storeFile(properties.dataDir()).toAbsolutePath().toString();
    }

    /**
     * The embedded server keeps its oplog (which change streams read) as an ordinary collection
     * that grows with every write, and scans all of it on every change-stream poll. Trimming it to
     * the last {@link #OPLOG_RETENTION} keeps both memory and polling cost flat.
     */
    private void startOplogTrimming() {
        trimClient = MongoClients.create(connectionString());
        trimmer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("oplog-trim").unstarted(r));
        trimmer.scheduleWithFixedDelay(this::trimOplog, 30, 30, TimeUnit.SECONDS);
    }

    /** Deletes oplog entries older than the retention; returns how many. */
    public long trimOplog() {
        try {
            int cutoff = (int) (Instant.now().minus(OPLOG_RETENTION).getEpochSecond());
            return trimClient.getDatabase("local").getCollection("oplog.rs")
                    .deleteMany(Filters.lt("ts", new BsonTimestamp(cutoff, 0))).getDeletedCount();
        } catch (RuntimeException e) {
            log.debug("Oplog trim failed: {}", e.toString());
            return 0;
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        if (trimmer != null) {
            trimmer.shutdownNow();
            trimClient.close();
        }
        server.shutdownNow();
        backend.close();
        log.info("Embedded MongoDB stopped");
        server = null;
        backend = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static MVStore openStore(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        // A short auto-commit delay bounds what a kill -9 can lose to a fraction of a second.
        return new MVStore.Builder()
                .fileName(storeFile(dataDir).toString())
                .autoCommitBufferSize(1024)
                .open();
    }

    static Path storeFile(Path dataDir) {
        return dataDir.resolve("phakhi.mv.db");
    }
}
