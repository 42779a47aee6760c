package th.phakhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.phakhi.shared.mongo.EmbeddedMongoProperties;
import th.phakhi.shared.mongo.EmbeddedMongoServer;

class EmbeddedMongoServerTest {

    @TempDir
    Path dataDir;

    private EmbeddedMongoServer server() {
        return new EmbeddedMongoServer(new EmbeddedMongoProperties(dataDir, false, "127.0.0.1", 0, "phakhi")).start();
    }

    @Test
    void dataSurvivesARestart() {
        EmbeddedMongoServer first = server();
        try (MongoClient client = MongoClients.create(first.connectionString())) {
            client.getDatabase("phakhi").getCollection("things").insertOne(new Document("_id", "a").append("name", "ภาคี"));
        }
        first.stop();

        EmbeddedMongoServer second = server();
        try (MongoClient client = MongoClients.create(second.connectionString())) {
            Document found = client.getDatabase("phakhi").getCollection("things").find(new Document("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("ภาคี");
        } finally {
            second.stop();
        }
    }

    @Test
    void uniqueIndexesRejectDuplicates() {
        EmbeddedMongoServer server = server();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("phakhi").getCollection("messages");
            c.createIndex(Indexes.ascending("clientId"), new IndexOptions().unique(true));
            c.insertOne(new Document("clientId", "m-1"));
            assertThatThrownBy(() -> c.insertOne(new Document("clientId", "m-1")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class);
            assertThat(c.countDocuments()).isEqualTo(1);
        } finally {
            server.stop();
        }
    }

    @Test
    void changeStreamsSeeInsertsFromAnotherClient() throws Exception {
        EmbeddedMongoServer server = server();
        try (MongoClient watcher = MongoClients.create(server.connectionString());
             MongoClient writer = MongoClients.create(server.connectionString())) {
            var cursor = watcher.getDatabase("phakhi").getCollection("events").watch().cursor();
            CompletableFuture<ChangeStreamDocument<Document>> seen = CompletableFuture.supplyAsync(cursor::next);
            writer.getDatabase("phakhi").getCollection("events").insertOne(new Document("text", "สวัสดี"));
            ChangeStreamDocument<Document> change = seen.get(10, TimeUnit.SECONDS);
            assertThat(change.getFullDocument().getString("text")).isEqualTo("สวัสดี");
            cursor.close();
        } finally {
            server.stop();
        }
    }

    @Test
    void theOplogIsTrimmedSoItDoesNotGrowWithEveryWrite() throws Exception {
        EmbeddedMongoServer server = new EmbeddedMongoServer(new EmbeddedMongoProperties(dataDir, true, "127.0.0.1", 0,
                "phakhi")).start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            for (int i = 0; i < 50; i++) {
                client.getDatabase("phakhi").getCollection("writes").insertOne(new Document("i", i));
            }
            long before = client.getDatabase("local").getCollection("oplog.rs").countDocuments();
            assertThat(before).isGreaterThanOrEqualTo(50);
            assertThat(server.trimOplog()).as("recent entries are kept").isZero();
            // Entries older than the retention go: simulate age by trimming with a cut-off in the future.
            long deleted = client.getDatabase("local").getCollection("oplog.rs").deleteMany(
                    com.mongodb.client.model.Filters.lt("ts", new org.bson.BsonTimestamp(
                            (int) (System.currentTimeMillis() / 1000) + 60, 0))).getDeletedCount();
            assertThat(deleted).isEqualTo(before);
            // Change streams keep working after a trim.
            var cursor = client.getDatabase("phakhi").getCollection("writes").watch().cursor();
            CompletableFuture<ChangeStreamDocument<Document>> seen = CompletableFuture.supplyAsync(cursor::next);
            client.getDatabase("phakhi").getCollection("writes").insertOne(new Document("after", "trim"));
            assertThat(seen.get(10, TimeUnit.SECONDS).getFullDocument().getString("after")).isEqualTo("trim");
            cursor.close();
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesToListenBeyondLoopback() {
        var properties = new EmbeddedMongoProperties(dataDir, true, "0.0.0.0", 0, "phakhi");
        assertThatThrownBy(() -> new EmbeddedMongoServer(properties).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loopback");
    }
}
