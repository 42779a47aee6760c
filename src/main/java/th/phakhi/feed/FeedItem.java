package th.phakhi.feed;

import java.time.Instant;
import java.util.List;
import th.phakhi.network.NetworkId;

/**
 * One entry of a network's feed: a member's post ({@code text}, optional {@code url}) or an event
 * of the platform ({@code messageKey} with parameters, translated when shown).
 */
public record FeedItem(String id, NetworkId networkId, Kind kind, String authorName, String organizationName,
                       String text, String url, String messageKey, List<String> params, String link, Instant at) {

    public FeedItem {
        params = params == null ? List.of() : List.copyOf(params);
    }

    public enum Kind {
        POST, MEMBER_JOINED, GROUP_CREATED, ANNOUNCEMENT, TRAINING
    }
}
