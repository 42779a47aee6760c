package th.phakhi.workinggroup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkAccess;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;

import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Routes;
import th.phakhi.shared.ui.Tag;
import th.phakhi.workinggroup.WorkingGroup;
import th.phakhi.workinggroup.WorkingGroupService;

/** A network's working groups; its administrators create them. */
@Route("networks/:networkId/groups")
@PermitAll
class GroupsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkingGroupService groups;
    private final NetworkService networks;
    private final NetworkAccess networkAccess;
    private final PeopleService people;
    private Network network;

    GroupsView(WorkingGroupService groups, NetworkService networks, NetworkAccess networkAccess, PeopleService people) {
        this.groups = groups;
        this.networks = networks;
        this.networkAccess = networkAccess;
        this.people = people;
        addClassName("page");
        setId("groups");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        NetworkId id = new NetworkId(event.getRouteParameters().get("networkId").orElse(""));
        Routes.loadOrNotFound(event, () -> {
            network = networks.find(id);
            render(groups.groupsOf(id));
        });
    }

    private void render(List<WorkingGroup> list) {
        removeAll();
        Anchor back = new Anchor("networks/" + network.id().value(), network.name(getLocale()));
        back.addClassName("back-link");
        Div header = new Div(new H2(getTranslation("wg.title")));
        header.addClassName("page-header");
        if (networkAccess.isAdministrator(network.id())) {
            Button create = new Button(getTranslation("wg.create"), VaadinIcon.PLUS.create(), e -> openCreate());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("create-group");
            header.add(create);
        }
        add(back, header);
        if (list.isEmpty()) {
            add(new Paragraph(getTranslation("wg.none")));
        }
        Div cards = new Div();
        cards.addClassName("card-list");
        for (WorkingGroup group : list) {
            Div card = new Div();
            card.addClassName("card");
            Anchor name = new Anchor("groups/" + group.id().value(), group.name());
            name.addClassName("card-title");
            Span meta = new Span(getTranslation("wg.members.count", group.members().size()));
            meta.addClassName("card-meta");
            card.add(name, meta);
            if (group.status() == WorkingGroup.Status.CLOSED) {
                card.add(new Div(new Tag(getTranslation(group.status().nameKey()), Tag.Tone.NEUTRAL)));
            }
            if (group.mandate() != null) {
                Paragraph mandate = new Paragraph(group.mandate().length() > 160
                        ? group.mandate().substring(0, 160) + "…" : group.mandate());
                mandate.addClassName("muted");
                card.add(mandate);
            }
            cards.add(card);
        }
        add(cards);
    }

    private void openCreate() {
        List<Person> candidates = new ArrayList<>();
        for (OrganizationId organization : networks.memberOrganizations(network.id())) {
            candidates.addAll(people.peopleOf(organization));
        }
        new GroupFormDialog(null, candidates, form -> Actions.call(this, () -> groups.create(network.id(), form))
                .map(id -> {
                    getUI().ifPresent(ui -> ui.navigate("groups/" + id.value()));
                    return true;
                }).orElse(false)).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wg.title");
    }
}
