package th.phakhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import th.phakhi.support.PhakhiTest;

/** The customizers the application really registers, applied to a few addresses. */
@PhakhiTest
class ReplicaSetWriteConcernTest {

    @Autowired
    java.util.List<MongoClientSettingsBuilderCustomizer> customizers;

    private WriteConcern writeConcernFor(String uri) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri));
        customizers.stream().filter(c -> c.getClass().getName().startsWith("th.phakhi"))
                .forEach(c -> c.customize(builder));
        return builder.build().getWriteConcern();
    }

    @Test
    void aReplicaSetWritesToTheMajorityByDefault() {
        assertThat(writeConcernFor("mongodb://db1,db2,db3/phakhi?replicaSet=rs0")).isEqualTo(WriteConcern.MAJORITY);
    }

    @Test
    void anExplicitWriteConcernInTheAddressIsKept() {
        assertThat(writeConcernFor("mongodb://db1,db2,db3/phakhi?replicaSet=rs0&w=1").getWObject()).isEqualTo(1);
    }

    @Test
    void aSingleServerKeepsTheDriverDefault() {
        assertThat(writeConcernFor("mongodb://127.0.0.1:27017/phakhi")).isEqualTo(WriteConcern.ACKNOWLEDGED);
    }
}
