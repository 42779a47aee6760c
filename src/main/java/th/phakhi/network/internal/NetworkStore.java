package th.phakhi.network.internal;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of network documents without the fields only a few screens need (history, search grams). */
@Component
public class NetworkStore {

    private final MongoTemplate mongo;

    NetworkStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<NetworkDocument> find(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude("charterHistory", "searchGrams");
        return Optional.ofNullable(mongo.findOne(query, NetworkDocument.class));
    }

    public Optional<NetworkDocument> findWithHistory(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude("searchGrams");
        return Optional.ofNullable(mongo.findOne(query, NetworkDocument.class));
    }

    /** Documents matching the query; without a projection of its own, history and search grams are left out. */
    public java.util.List<NetworkDocument> find(Query query) {
        if (query.getFieldsObject().isEmpty()) {
            query.fields().exclude("charterHistory", "searchGrams");
        }
        return mongo.find(query, NetworkDocument.class);
    }
}
