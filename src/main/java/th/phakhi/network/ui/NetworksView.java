package th.phakhi.network.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import th.phakhi.network.MembershipRequest;
import th.phakhi.network.MembershipService;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkScope;
import th.phakhi.network.NetworkService;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Dialogs;
import th.phakhi.shared.ui.Notices;

/** My networks, invitations to my organization, and finding networks to join. */
@Route("networks")
@Menu(title = "menu.networks", icon = "vaadin:connect", order = 1)
@PermitAll
class NetworksView extends Div implements HasDynamicTitle {

    private final NetworkService networks;
    private final MembershipService membership;
    private final Div mine = new Div();
    private final Div invitations = new Div();
    private final Div results = new Div();
    private final TextField search = new TextField();
    private final Select<NetworkScope> scope = new Select<>();

    NetworksView(NetworkService networks, MembershipService membership, NetworkAccess access) {
        this.networks = networks;
        this.membership = membership;
        addClassName("page");
        setId("networks");

        Div header = new Div(new H2(getTranslation("networks.title")));
        header.addClassName("page-header");
        if (access.canCreate()) {
            Button create = new Button(getTranslation("network.create.button"), VaadinIcon.PLUS.create(),
                    click -> openCreate());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("create-network");
            header.add(create);
        }
        add(header);

        invitations.addClassName("stack");
        add(invitations);

        add(new H3(getTranslation("networks.mine")));
        mine.addClassName("card-list");
        mine.setId("my-networks");
        add(mine);

        add(new H3(getTranslation("networks.find")));
        search.setPlaceholder(getTranslation("networks.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refreshResults());
        search.setId("network-search");
        search.setAriaLabel(getTranslation("networks.search.placeholder"));
        scope.setItems(NetworkScope.values());
        scope.setEmptySelectionAllowed(true);
        scope.setEmptySelectionCaption(getTranslation("networks.scope.all"));
        scope.setItemLabelGenerator(s -> s == null ? getTranslation("networks.scope.all") : getTranslation(s.nameKey()));
        scope.addValueChangeListener(e -> refreshResults());
        scope.setAriaLabel(getTranslation("network.field.scope"));
        Div filters = new Div(search, scope);
        filters.addClassName("filters");
        add(filters);
        results.addClassName("card-list");
        results.setId("network-results");
        add(results);
        refresh();
    }

    private void refresh() {
        mine.removeAll();
        List<Network> my = networks.myNetworks();
        if (my.isEmpty()) {
            mine.add(new Paragraph(getTranslation("networks.mine.empty")));
        }
        my.forEach(n -> mine.add(new NetworkCard(n)));
        invitations.removeAll();
        for (MembershipRequest invitation : membership.myInvitations()) {
            invitations.add(invitationCard(invitation));
        }
        refreshResults();
    }

    private Div invitationCard(MembershipRequest invitation) {
        Div card = new Div();
        card.addClassNames("card", "card-highlight");
        card.add(new Span(getTranslation("networks.invitation.text", invitation.networkName())));
        if (invitation.message() != null) {
            Paragraph message = new Paragraph(invitation.message());
            message.addClassName("quote");
            card.add(message);
        }
        Button open = new Button(getTranslation("networks.invitation.open"), click -> getUI().ifPresent(ui ->
                ui.navigate(NetworkView.class, new RouteParameters("networkId", invitation.networkId().value()))));
        Button accept = new Button(getTranslation("network.invitation.accept"), click -> {
            if (Actions.run(this, () -> membership.acceptInvitation(invitation.networkId(), invitation.id()))) {
                Notices.success(this, "network.invitation.accepted");
                refresh();
            }
        });
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button decline = new Button(getTranslation("network.invitation.decline"), click ->
                Dialogs.askText(this, "network.invitation.decline", null, "network.field.reasonOptional",
                        "network.invitation.decline", false, MembershipService.MAX_MESSAGE, reason -> {
                            boolean ok = Actions.run(this, () ->
                                    membership.declineInvitation(invitation.networkId(), invitation.id(), reason));
                            if (ok) {
                                refresh();
                            }
                            return ok;
                        }));
        Div actions = new Div(accept, decline, open);
        actions.addClassName("actions");
        card.add(actions);
        return card;
    }

    private void refreshResults() {
        results.removeAll();
        List<Network> found = networks.browse(search.getValue(), scope.getValue());
        if (found.isEmpty()) {
            results.add(new Paragraph(getTranslation("networks.search.none")));
        }
        found.forEach(n -> results.add(new NetworkCard(n)));
    }

    private void openCreate() {
        new NetworkFormDialog(null, form -> Actions.call(this, () -> networks.create(form)).map(id -> {
            Notices.success(this, "network.create.done");
            getUI().ifPresent(ui -> ui.navigate(NetworkView.class, new RouteParameters("networkId", id.value())));
            return true;
        }).orElse(false)).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("networks.title");
    }
}
