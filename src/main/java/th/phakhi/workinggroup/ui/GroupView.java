package th.phakhi.workinggroup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

import th.phakhi.directory.DirectoryAccess;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.PersonId;
import th.phakhi.network.NetworkService;

import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Dialogs;
import th.phakhi.shared.ui.Notices;
import th.phakhi.shared.ui.Routes;
import th.phakhi.shared.ui.Tag;
import th.phakhi.workinggroup.WorkingGroup;
import th.phakhi.workinggroup.WorkingGroupAccess;
import th.phakhi.workinggroup.WorkingGroupId;
import th.phakhi.workinggroup.WorkingGroupService;

/** A working group: mandate, lead and members, join requests for the lead, and its chat room. */
@Route("groups/:groupId")
@PermitAll
class GroupView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkingGroupService groups;
    private final WorkingGroupAccess access;
    private final PeopleService people;
    private final NetworkService networks;
    private final DirectoryAccess directory;
    private WorkingGroupId id;
    private WorkingGroup group;

    GroupView(WorkingGroupService groups, WorkingGroupAccess access, PeopleService people, NetworkService networks,
              DirectoryAccess directory) {
        this.groups = groups;
        this.access = access;
        this.people = people;
        this.networks = networks;
        this.directory = directory;
        addClassName("page");
        setId("group");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = new WorkingGroupId(event.getRouteParameters().get("groupId").orElse(""));
        if (Routes.loadOrNotFound(event, () -> group = groups.find(id))) {
            render();
        }
    }

    private void reload() {
        group = groups.find(id);
        render();
    }

    private void render() {
        removeAll();
        boolean manage = access.canManage(id);
        boolean member = access.isMember(id);
        Anchor back = new Anchor("networks/" + group.networkId().value() + "/groups", getTranslation("wg.title"));
        back.addClassName("back-link");
        H2 title = new H2(group.name());
        title.setId("group-title");
        add(back, title);
        Div tags = new Div(new Tag(getTranslation(group.status().nameKey()),
                group.active() ? Tag.Tone.SUCCESS : Tag.Tone.NEUTRAL));
        tags.addClassName("card-tags");
        add(tags);
        if (group.mandate() != null) {
            Paragraph mandate = new Paragraph(group.mandate());
            mandate.addClassName("pre-line");
            add(new H3(getTranslation("wg.field.mandate")), mandate);
        }

        Div actions = new Div();
        actions.addClassName("actions");
        if (member) {
            Anchor chat = new Anchor("rooms/wg-" + id.value(), getTranslation("wg.openChat"));
            chat.addClassName("primary-link");
            chat.setId("open-chat");
            actions.add(chat);
        } else if (group.active() && directory.currentPerson().isPresent()) {
            boolean pending = group.pendingJoins().contains(directory.currentPerson().get().id());
            if (pending) {
                actions.add(new Tag(getTranslation("wg.join.pending"), Tag.Tone.WARNING));
            } else {
                Button join = new Button(getTranslation("wg.join"), e -> {
                    if (Actions.run(this, () -> groups.requestToJoin(id))) {
                        Notices.success(this, "wg.join.sent");
                        reload();
                    }
                });
                join.setId("join-group");
                actions.add(join);
            }
        }
        if (manage) {
            Button edit = new Button(getTranslation("wg.edit"), VaadinIcon.EDIT.create(), e -> openEdit());
            Button status = new Button(getTranslation(group.active() ? "wg.close" : "wg.reopen"), e ->
                    Dialogs.confirm(this, group.active() ? "wg.close" : "wg.reopen",
                            getTranslation(group.active() ? "wg.close.confirm" : "wg.reopen.confirm"),
                            group.active() ? "wg.close" : "wg.reopen", false, () -> {
                                if (Actions.run(this, () -> groups.setStatus(id, group.active()
                                        ? WorkingGroup.Status.CLOSED : WorkingGroup.Status.ACTIVE))) {
                                    reload();
                                }
                            }));
            actions.add(edit, status);
        }
        if (member && !manage) {
            Button leave = new Button(getTranslation("wg.leave"), e -> Dialogs.confirm(this, "wg.leave",
                    getTranslation("wg.leave.confirm"), "wg.leave", true, () -> {
                        if (Actions.run(this, () -> groups.leave(id))) {
                            getUI().ifPresent(ui -> ui.navigate("networks/" + group.networkId().value() + "/groups"));
                        }
                    }));
            leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(leave);
        }
        add(actions);

        List<Person> memberPeople = people.people(group.members());
        add(new H3(getTranslation("wg.members.count", memberPeople.size())));
        UnorderedList list = new UnorderedList();
        list.setId("group-members");
        for (Person person : memberPeople) {
            ListItem item = new ListItem(new Span(person.fullName()));
            if (person.id().equals(group.lead())) {
                item.add(new Tag(getTranslation("wg.field.lead"), Tag.Tone.PRIMARY));
            } else if (manage) {
                Button remove = new Button(getTranslation("wg.removeMember"), e -> Dialogs.confirm(this, "wg.removeMember",
                        getTranslation("wg.removeMember.confirm", person.fullName()), "wg.removeMember", true, () -> {
                            if (Actions.run(this, () -> groups.removeMember(id, person.id()))) {
                                reload();
                            }
                        }));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                item.add(remove);
            }
            list.add(item);
        }
        add(list);

        if (manage && !group.pendingJoins().isEmpty()) {
            add(new H3(getTranslation("wg.join.requests")));
            for (Person person : people.people(group.pendingJoins())) {
                Button approve = new Button(getTranslation("network.requests.approve"), e -> decide(person.id(), true));
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                approve.addClassName("approve-join");
                Button decline = new Button(getTranslation("network.requests.decline"), e -> decide(person.id(), false));
                decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
                Div row = new Div(new Span(person.fullName()), approve, decline);
                row.addClassName("actions");
                add(row);
            }
        }
    }

    private void decide(PersonId person, boolean approve) {
        if (Actions.run(this, () -> {
            if (approve) {
                groups.approveJoin(id, person);
            } else {
                groups.declineJoin(id, person);
            }
        })) {
            reload();
        }
    }

    private void openEdit() {
        List<Person> candidates = new ArrayList<>();
        for (OrganizationId organization : networks.memberOrganizations(group.networkId())) {
            candidates.addAll(people.peopleOf(organization));
        }
        new GroupFormDialog(group, candidates, form -> {
            boolean ok = Actions.run(this, () -> groups.update(id, form));
            if (ok) {
                reload();
            }
            return ok;
        }).open();
    }

    @Override
    public String getPageTitle() {
        return group == null ? getTranslation("wg.title") : group.name();
    }
}
