package th.phakhi.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import th.phakhi.shared.mongo.EmbeddedMongoProperties;
import th.phakhi.shared.mongo.EmbeddedMongoServer;

/**
 * App nodes as separate processes on one database — the embedded server started on its own, as
 * an operator would start a database. The first node loads the demo data. Nodes can be killed
 * (kill -9) and restarted on their port; the database can be stopped and started again (on disk
 * it keeps its data; in memory only while running).
 */
public final class Cluster implements AutoCloseable {

    /** The Chiang Mai network of the demo data, whose general room the tests use. */
    public static final String DEMO_NETWORK = "เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่";

    private final EmbeddedMongoServer database;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final List<AppProcess> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<Integer> restarts = new ArrayList<>();
    private final String name;
    private MongoClient client;

    private Cluster(String name, EmbeddedMongoServer database, Map<String, String> properties, List<String> jvmOptions) {
        this.name = name;
        this.database = database;
        this.properties = properties;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Starts the database and {@code count} nodes, one after the other.
     *
     * @param dataDir    where the database keeps its files (emptied first); null: in memory
     * @param properties extra app properties for every node
     */
    public static Cluster start(String name, int count, Path dataDir, Map<String, String> properties) throws Exception {
        return start(name, count, dataDir, properties, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
    }

    /** As {@link #start(String, int, Path, Map)}, with these JVM options for the nodes (heap, GC). */
    public static Cluster start(String name, int count, Path dataDir, Map<String, String> properties,
                                List<String> jvmOptions) throws Exception {
        if (dataDir != null) {
            deleteRecursively(dataDir);
        }
        EmbeddedMongoServer database = new EmbeddedMongoServer(new EmbeddedMongoProperties(
                dataDir == null ? Path.of("target") : dataDir, dataDir == null, "127.0.0.1", AppProcess.freePort(),
                "phakhi")).start();
        Map<String, String> common = new HashMap<>(properties);
        common.put("spring.mongodb.uri", database.connectionString());
        Cluster cluster = new Cluster(name, database, common, jvmOptions);
        try {
            cluster.client = MongoClients.create(database.connectionString());
            for (int i = 0; i < count; i++) {
                cluster.ports.add(AppProcess.freePort());
                cluster.restarts.add(0);
                cluster.nodes.add(cluster.launch(i).awaitReady(Duration.ofSeconds(180)));
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private AppProcess launch(int index) throws IOException {
        Map<String, String> props = new HashMap<>(properties);
        if (index == 0) {
            props.put("phakhi.demo.enabled", "true");
        }
        int restart = restarts.get(index);
        String log = name + "-node-" + (char) ('a' + index) + (restart == 0 ? "" : "-restart-" + restart);
        return AppProcess.start(log, props, jvmOptions, ports.get(index));
    }

    public AppProcess node(int index) {
        return nodes.get(index);
    }

    /** The nodes' ports, in order: clients fail over along this list. */
    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** kill -9 of one node. */
    public void kill(int index) throws InterruptedException {
        nodes.get(index).kill();
    }

    /** Starts a killed or stopped node again on its port and waits until it is healthy. */
    public AppProcess restart(int index) throws Exception {
        nodes.get(index).close();
        restarts.set(index, restarts.get(index) + 1);
        AppProcess node = launch(index).awaitReady(Duration.ofSeconds(180));
        nodes.set(index, node);
        return node;
    }

    public void stopDatabase() {
        database.stop();
    }

    public void startDatabase() {
        database.start();
    }

    public MongoDatabase db() {
        return client.getDatabase("phakhi");
    }

    /** The general room of the demo's Chiang Mai network. */
    public String generalRoom() {
        return "net-" + networkId();
    }

    public String networkId() {
        return db().getCollection("networks").find(new Document("nameTh", DEMO_NETWORK)).first()
                .getObjectId("_id").toHexString();
    }

    public String accountId(String username) {
        return db().getCollection("accounts").find(new Document("username", username)).first()
                .getObjectId("_id").toHexString();
    }

    /** A personal API token for a demo user, stored as the app stores them (hashed). */
    public String token(String username) {
        return token(db(), username);
    }

    public static String token(MongoDatabase db, String username) {
        String accountId = db.getCollection("accounts").find(new Document("username", username)).first()
                .getObjectId("_id").toHexString();
        String secret = "phk_" + UUID.randomUUID().toString().replace("-", "") + "test";
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
            db.getCollection("api_tokens").insertOne(new Document("accountId", accountId).append("name", "test")
                    .append("hash", hash).append("createdAt", new Date()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return secret;
    }

    @Override
    public void close() {
        nodes.forEach(AppProcess::close);
        if (client != null) {
            client.close();
        }
        database.stop();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
