package th.phakhi.network;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of a network's home page contributed by another module (announcements, the updates
 * feed): the network module shows them without depending on those modules.
 */
public interface NetworkHomeSection {

    /** Position on the page; lower comes first. */
    int order();

    /** The section for this network as the signed-in user sees it, or empty to show nothing. */
    Optional<Component> create(NetworkDetails details);
}
