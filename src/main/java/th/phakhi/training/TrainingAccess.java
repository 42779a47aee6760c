package th.phakhi.training;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;
import th.phakhi.training.internal.OccurrenceDocument;
import th.phakhi.training.internal.SeriesDocument;

/**
 * Training rules for {@code @PreAuthorize} as {@code @trainingAccess}: members and the secretariat
 * of the network see its events; the secretariat and administrators schedule and manage them.
 */
@Component("trainingAccess")
public class TrainingAccess {

    private final MongoTemplate mongo;
    private final NetworkAccess networks;

    TrainingAccess(MongoTemplate mongo, NetworkAccess networks) {
        this.mongo = mongo;
        this.networks = networks;
    }

    public boolean canView(OccurrenceId id) {
        return occurrence(id).map(o -> canView(new NetworkId(o.networkId))).orElse(false);
    }

    public boolean canManage(OccurrenceId id) {
        return occurrence(id).map(o -> networks.isSecretariat(new NetworkId(o.networkId))).orElse(false);
    }

    public boolean canViewSeries(SeriesId id) {
        return series(id).map(s -> canView(new NetworkId(s.networkId))).orElse(false);
    }

    public boolean canManageSeries(SeriesId id) {
        return series(id).map(s -> networks.isSecretariat(new NetworkId(s.networkId))).orElse(false);
    }

    boolean canView(NetworkId network) {
        return networks.isMember(network) || networks.isSecretariat(network);
    }

    Optional<OccurrenceDocument> occurrence(OccurrenceId id) {
        if (id == null || id.value().isBlank() || id.value().length() > 80) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(id.value(), OccurrenceDocument.class));
    }

    Optional<SeriesDocument> series(SeriesId id) {
        if (id == null || id.value().isBlank() || id.value().length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(id.value(), SeriesDocument.class));
    }
}
