package th.phakhi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.ImportReport;
import th.phakhi.directory.OrganizationRecord;
import th.phakhi.directory.OrganizationType;
import th.phakhi.security.AccountService;
import th.phakhi.security.NewAccount;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.UserFacingException;
import th.phakhi.support.TestUsers;

/**
 * What the app relies on from its database, asserted the same way on the embedded server and,
 * where Docker exists, on a real MongoDB 8 replica set.
 */
abstract class DatabaseContract {

    @Autowired
    AccountService accounts;
    @Autowired
    DirectoryService directory;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoClient client;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void userNamesAreUniqueThroughTheIndex() {
        SystemRunner.run(() -> accounts.createAccount(new NewAccount("contract.user", "long-enough-pw", "x", Set.of(), null)));
        assertThatThrownBy(() -> SystemRunner.run(() ->
                accounts.createAccount(new NewAccount("Contract.User", "long-enough-pw", "y", Set.of(), null))))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("account.error.taken");
    }

    @Test
    void importingTheSameFileTwiceUpdatesInsteadOfDuplicating() {
        List<OrganizationRecord> rows = List.of(
                OrganizationRecord.basic("9900001", OrganizationType.SAO, "องค์การบริหารส่วนตำบลทดสอบหนึ่ง", "Test One SAO",
                        "58", "เมืองแม่ฮ่องสอน", "Mueang Mae Hong Son"),
                OrganizationRecord.basic("9900002", OrganizationType.SUBDISTRICT_MUNICIPALITY, "เทศบาลตำบลทดสอบสอง",
                        "Test Two", "58", "ปาย", "Pai"));
        ImportReport first = SystemRunner.call(() -> directory.importOrganizations(rows, 2));
        long count = mongo.getCollection("organizations").countDocuments();
        ImportReport second = SystemRunner.call(() -> directory.importOrganizations(rows, 2));
        assertThat(first.created()).isEqualTo(2);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isEqualTo(2);
        assertThat(mongo.getCollection("organizations").countDocuments()).isEqualTo(count);
        assertThat(SystemRunner.call(() -> directory.search("ทดสอบสอง", null, null, 10)))
                .extracting(o -> o.code()).containsExactly("9900002");
    }

    @Test
    void changeStreamsDeliverInsertsFromAnotherClient() throws Exception {
        var cursor = client.getDatabase(mongo.getDb().getName()).getCollection("contract_events").watch().cursor();
        CompletableFuture<ChangeStreamDocument<Document>> seen = CompletableFuture.supplyAsync(cursor::next);
        mongo.getCollection("contract_events").insertOne(new Document("text", "ข่าวดี"));
        assertThat(seen.get(20, TimeUnit.SECONDS).getFullDocument().getString("text")).isEqualTo("ข่าวดี");
        cursor.close();
    }
}
