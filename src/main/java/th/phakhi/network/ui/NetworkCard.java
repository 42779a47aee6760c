package th.phakhi.network.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import th.phakhi.directory.Provinces;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkScope;
import th.phakhi.network.NetworkVisibility;
import th.phakhi.shared.ui.Tag;

/** A network in a list: name (a link to its page), scope and province, members, visibility. */
class NetworkCard extends Div {

    NetworkCard(Network network) {
        addClassName("card");
        RouterLink name = new RouterLink(NetworkView.class, new RouteParameters("networkId", network.id().value()));
        name.setText(network.name(getLocale()));
        name.addClassName("card-title");
        String where = network.scope() == NetworkScope.PROVINCIAL
                ? Provinces.byCode(network.provinceCode()).map(p -> p.name(getLocale())).orElse("")
                : "";
        Span meta = new Span(getTranslation(network.scope().nameKey()) + (where.isEmpty() ? "" : " · " + where)
                + " · " + getTranslation("network.members.count", network.memberCount()));
        meta.addClassName("card-meta");
        Div tags = new Div();
        tags.addClassName("card-tags");
        if (network.visibility() == NetworkVisibility.MEMBERS_ONLY) {
            tags.add(new Tag(getTranslation(network.visibility().nameKey()), Tag.Tone.NEUTRAL));
        }
        add(name, meta, tags);
    }
}
