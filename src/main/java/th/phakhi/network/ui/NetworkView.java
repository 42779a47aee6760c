package th.phakhi.network.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import th.phakhi.audit.AuditEntry;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.Organization;
import th.phakhi.directory.OrganizationType;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.Provinces;
import th.phakhi.network.CharterChange;
import th.phakhi.network.CharterService;
import th.phakhi.network.Member;
import th.phakhi.network.MembershipRequest;
import th.phakhi.network.MembershipService;
import th.phakhi.network.NetworkDetails;
import th.phakhi.network.NetworkHomeSection;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkPosition;
import th.phakhi.network.NetworkScope;
import th.phakhi.network.NetworkService;
import th.phakhi.network.PositionHolder;

import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.Messages;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Dialogs;
import th.phakhi.shared.ui.Notices;
import th.phakhi.shared.ui.Routes;
import th.phakhi.shared.ui.Tag;

/**
 * A network's home: what it stands for (charter), who runs it (structure), who is in it
 * (members by type and district), and — for its secretariat and administrators — requests,
 * history and the audit log. What a visitor may do depends on their organization's status.
 */
@Route("networks/:networkId")
@PermitAll
class NetworkView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final NetworkService networks;
    private final MembershipService membership;
    private final CharterService charters;
    private final DirectoryService directory;
    private final PeopleService people;
    private final AuditService audit;

    private NetworkId id;
    private NetworkDetails details;
    private String selectedTab;

    private final List<NetworkHomeSection> sections;

    NetworkView(NetworkService networks, MembershipService membership, CharterService charters,
                DirectoryService directory, PeopleService people, AuditService audit,
                org.springframework.beans.factory.ObjectProvider<NetworkHomeSection> sections) {
        this.sections = sections.orderedStream().sorted(java.util.Comparator.comparingInt(NetworkHomeSection::order))
                .toList();
        this.networks = networks;
        this.membership = membership;
        this.charters = charters;
        this.directory = directory;
        this.people = people;
        this.audit = audit;
        addClassName("page");
        setId("network");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String value = event.getRouteParameters().get("networkId").orElse("");
        id = new NetworkId(value);
        if (Routes.loadOrNotFound(event, () -> details = networks.details(id))) {
            render();
        }
    }

    private void reload() {
        details = networks.details(id);
        render();
    }

    private void render() {
        removeAll();
        var network = details.network();
        H2 title = new H2(network.name(getLocale()));
        title.setId("network-title");
        String where = network.scope() == NetworkScope.PROVINCIAL
                ? " · " + Provinces.byCode(network.provinceCode()).map(p -> p.name(getLocale())).orElse("") : "";
        Span meta = new Span(getTranslation(network.scope().nameKey()) + where + " · "
                + getTranslation("network.members.count", network.memberCount()));
        meta.addClassName("muted");
        Div tags = new Div();
        tags.addClassName("card-tags");
        tags.add(new Tag(getTranslation(network.visibility().nameKey()), Tag.Tone.NEUTRAL));
        details.myRole().ifPresent(role -> tags.add(new Tag(getTranslation(role.nameKey()), Tag.Tone.PRIMARY)));
        Div header = new Div(title, meta, tags);
        header.addClassName("network-header");
        if (network.description() != null) {
            Paragraph description = new Paragraph(network.description());
            description.addClassName("pre-line");
            header.add(description);
        }
        header.add(statusBar());
        add(header);

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.setId("network-tabs");
        Map<String, com.vaadin.flow.component.tabs.Tab> byKey = new LinkedHashMap<>();
        byKey.put("overview", tabs.add(getTranslation("network.tab.overview"), overview()));
        byKey.put("members", tabs.add(getTranslation("network.tab.members", details.members().size()), members()));
        if (details.isSecretariat()) {
            String label = details.pendingRequests() > 0
                    ? getTranslation("network.tab.requestsPending", details.pendingRequests())
                    : getTranslation("network.tab.requests");
            byKey.put("requests", tabs.add(label, lazy(this::requests)));
        }
        if (details.isMember()) {
            byKey.put("history", tabs.add(getTranslation("network.tab.history"), lazy(this::history)));
        }
        if (details.isAdministrator()) {
            byKey.put("audit", tabs.add(getTranslation("network.tab.audit"), lazy(this::auditLog)));
        }
        byKey.forEach((key, tab) -> tab.setId("tab-" + key));
        if (selectedTab != null && byKey.containsKey(selectedTab)) {
            tabs.setSelectedTab(byKey.get(selectedTab));
        }
        tabs.addSelectedChangeListener(e -> byKey.forEach((key, tab) -> {
            if (tab == e.getSelectedTab()) {
                selectedTab = key;
            }
        }));
        add(tabs);
    }

    /** Content built when its tab is first shown. */
    private static Component lazy(java.util.function.Supplier<Component> content) {
        Div holder = new Div();
        holder.addAttachListener(e -> {
            if (holder.getChildren().findAny().isEmpty()) {
                holder.add(content.get());
            }
        });
        return holder;
    }

    private Component statusBar() {
        Div bar = new Div();
        bar.addClassName("actions");
        bar.setId("membership-status");
        switch (details.myOrganizationStatus()) {
            case MEMBER -> {
                bar.add(new Tag(getTranslation("network.status.member"), Tag.Tone.SUCCESS));
                if (details.canRepresent()) {
                    Button leave = new Button(getTranslation("network.leave"), click -> Dialogs.confirm(this,
                            "network.leave", getTranslation("network.leave.confirm", details.network().nameTh()),
                            "network.leave", true, () -> {
                                if (Actions.run(this, () -> membership.leave(id, details.myOrganization().orElseThrow()))) {
                                    Notices.success(this, "network.leave.done");
                                    getUI().ifPresent(ui -> ui.navigate(NetworksView.class));
                                }
                            }));
                    leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    leave.setId("leave-network");
                    bar.add(leave);
                }
            }
            case REQUESTED -> {
                bar.add(new Tag(getTranslation("network.status.requested"), Tag.Tone.WARNING));
                if (details.canRepresent()) {
                    Button withdraw = new Button(getTranslation("network.request.withdraw"), click ->
                            membership.pendingWith(id).ifPresent(request -> {
                                if (Actions.run(this, () -> membership.withdraw(id, request.id()))) {
                                    reload();
                                }
                            }));
                    withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    bar.add(withdraw);
                }
            }
            case INVITED -> {
                bar.add(new Tag(getTranslation("network.status.invited"), Tag.Tone.PRIMARY));
                if (details.canRepresent()) {
                    membership.pendingWith(id).ifPresent(invitation -> {
                        Button accept = new Button(getTranslation("network.invitation.accept"), click -> {
                            if (Actions.run(this, () -> membership.acceptInvitation(id, invitation.id()))) {
                                Notices.success(this, "network.invitation.accepted");
                                reload();
                            }
                        });
                        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                        accept.setId("accept-invitation");
                        Button decline = new Button(getTranslation("network.invitation.decline"), click ->
                                Dialogs.askText(this, "network.invitation.decline", null,
                                        "network.field.reasonOptional", "network.invitation.decline", false,
                                        MembershipService.MAX_MESSAGE, reason -> {
                                            boolean ok = Actions.run(this, () ->
                                                    membership.declineInvitation(id, invitation.id(), reason));
                                            if (ok) {
                                                reload();
                                            }
                                            return ok;
                                        }));
                        bar.add(accept, decline);
                    });
                }
            }
            case NONE -> {
                if (details.myOrganization().isEmpty()) {
                    break;
                }
                if (details.canRepresent()) {
                    Button join = new Button(getTranslation("network.join.button"), VaadinIcon.HANDSHAKE.create(),
                            click -> Dialogs.askText(this, "network.join.title", "network.join.prompt",
                                    "network.join.message", "network.join.submit", false,
                                    MembershipService.MAX_MESSAGE, message -> {
                                        boolean ok = Actions.run(this, () -> membership.requestToJoin(id,
                                                details.myOrganization().orElseThrow(), message));
                                        if (ok) {
                                            Notices.success(this, "network.join.sent");
                                            reload();
                                        }
                                        return ok;
                                    }));
                    join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    join.setId("join-network");
                    bar.add(join);
                } else {
                    bar.add(new Span(getTranslation("network.join.onlyRepresentatives")));
                }
            }
            default -> {
            }
        }
        if (details.isMember()) {
            Anchor room = new Anchor("rooms/net-" + id.value(), getTranslation("network.openChat"));
            room.addClassName("primary-link");
            room.setId("open-network-chat");
            Anchor groups = new Anchor("networks/" + id.value() + "/groups", getTranslation("network.workingGroups"));
            groups.addClassName("primary-link");
            groups.setId("open-groups");
            bar.add(room, groups);
        }
        if (details.isAdministrator()) {
            Button edit = new Button(getTranslation("network.edit.button"), VaadinIcon.EDIT.create(), click ->
                    new NetworkFormDialog(details.network(), form -> {
                        boolean ok = Actions.run(this, () -> networks.update(id, form));
                        if (ok) {
                            reload();
                        }
                        return ok;
                    }).open());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            bar.add(edit);
        }
        return bar;
    }

    // ---------------------------------------------------------------- overview: charter and structure

    private Component overview() {
        Div content = new Div();
        content.addClassName("stack");
        // Sections ordered below 100 come before the charter (announcements), the others after the structure.
        sections.stream().filter(s -> s.order() < 100).forEach(s -> s.create(details).ifPresent(content::add));
        var charter = details.charter();
        Div vision = new Div(new H3(getTranslation("network.charter.vision")));
        vision.setId("charter");
        if (charter.vision() == null && charter.goals().isEmpty()) {
            vision.add(new Paragraph(getTranslation("network.charter.empty")));
        } else {
            Paragraph text = new Paragraph(charter.vision() == null ? "" : charter.vision());
            text.addClassNames("vision", "pre-line");
            vision.add(text);
            vision.add(new H4(getTranslation("network.charter.goals")));
            OrderedList goals = new OrderedList();
            charter.goals().forEach(goal -> goals.add(new ListItem(goal)));
            vision.add(goals);
            if (charter.updatedAt() != null && charter.version() > 0) {
                Span version = new Span(getTranslation("network.charter.version", charter.version(),
                        DateFormats.dateTime(charter.updatedAt(), getLocale()),
                        charter.updatedByName() == null ? "" : charter.updatedByName()));
                version.addClassName("muted");
                vision.add(version);
            }
        }
        if (details.isAdministrator()) {
            Button edit = new Button(getTranslation("network.charter.edit"), VaadinIcon.EDIT.create(),
                    click -> openCharterEditor());
            edit.setId("edit-charter");
            vision.add(new Div(edit));
        }
        content.add(vision);

        Div structure = new Div(new H3(getTranslation("network.structure")));
        structure.setId("structure");
        Map<NetworkPosition, List<PositionHolder>> byPosition = new TreeMap<>();
        details.positions().forEach(p -> byPosition.computeIfAbsent(p.position(), k -> new ArrayList<>()).add(p));
        if (byPosition.isEmpty()) {
            structure.add(new Paragraph(getTranslation("network.structure.empty")));
        }
        for (var entry : byPosition.entrySet()) {
            Div group = new Div(new H4(getTranslation(entry.getKey().nameKey())));
            group.addClassName("position-group");
            for (PositionHolder holder : entry.getValue()) {
                Div row = new Div(new Span(holder.personName()), new Span(" · "), organizationLink(
                        holder.organizationId().value(), holder.organizationName()));
                row.addClassName("position-row");
                if (details.isAdministrator()) {
                    Button end = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> Dialogs.confirm(this,
                            "network.position.end", getTranslation("network.position.end.confirm",
                                    holder.personName(), getTranslation(holder.position().nameKey())),
                            "network.position.end", true, () -> {
                                if (Actions.run(this, () -> charters.removePosition(id, holder.id()))) {
                                    reload();
                                }
                            }));
                    end.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                    end.setAriaLabel(getTranslation("network.position.end"));
                    row.add(end);
                }
                group.add(row);
            }
            structure.add(group);
        }
        if (details.isAdministrator()) {
            Button assign = new Button(getTranslation("network.position.assign"), VaadinIcon.PLUS.create(),
                    click -> openAssignPosition());
            assign.setId("assign-position");
            structure.add(new Div(assign));
        }
        content.add(structure);
        sections.stream().filter(s -> s.order() >= 100).forEach(s -> s.create(details).ifPresent(content::add));
        return content;
    }

    private void openCharterEditor() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("network.charter.edit"));
        dialog.setWidth("min(720px, 96vw)");
        TextArea vision = new TextArea(getTranslation("network.charter.vision"));
        vision.setWidthFull();
        vision.setMaxLength(CharterService.MAX_VISION);
        vision.setValue(details.charter().vision() == null ? "" : details.charter().vision());
        vision.setId("charter-vision");
        TextArea goals = new TextArea(getTranslation("network.charter.goalsOnePerLine"));
        goals.setWidthFull();
        goals.setMinRows(5);
        goals.setValue(String.join("\n", details.charter().goals()));
        goals.setHelperText(getTranslation("network.charter.goalsHelp", CharterService.MAX_GOALS));
        goals.setId("charter-goals");
        dialog.add(vision, goals);
        int version = details.charter().version();
        Button save = new Button(getTranslation("action.save"), click -> {
            List<String> lines = goals.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (Actions.run(this, () -> charters.updateCharter(id, vision.getValue(), lines, version))) {
                dialog.close();
                Notices.success(this, "network.charter.saved");
                reload();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("charter-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openAssignPosition() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("network.position.assign"));
        dialog.setWidth("min(560px, 96vw)");
        Select<NetworkPosition> position = new Select<>();
        position.setLabel(getTranslation("network.position.label"));
        position.setItems(NetworkPosition.values());
        position.setItemLabelGenerator(p -> getTranslation(p.nameKey()));
        position.setWidthFull();
        position.setId("position-select");
        ComboBox<Person> person = new ComboBox<>(getTranslation("network.position.person"));
        List<Person> candidates = new ArrayList<>();
        Map<String, String> orgNames = new LinkedHashMap<>();
        for (Member member : details.members()) {
            orgNames.put(member.organization().id().value(), member.organization().name(getLocale()));
            candidates.addAll(people.peopleOf(member.organization().id()));
        }
        person.setItems(candidates);
        person.setItemLabelGenerator(p -> p.fullName() + " · " + orgNames.getOrDefault(p.organizationId().value(), ""));
        person.setWidthFull();
        person.setId("position-person");
        dialog.add(position, person);
        Button save = new Button(getTranslation("network.position.assign"), click -> {
            if (position.getValue() == null || person.getValue() == null) {
                Notices.error(this, "validation.required");
                return;
            }
            if (Actions.run(this, () -> charters.assignPosition(id, position.getValue(), person.getValue().id()))) {
                dialog.close();
                reload();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("position-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    // ---------------------------------------------------------------- members

    private Component members() {
        Div content = new Div();
        content.setId("members");
        if (details.isSecretariat()) {
            Button invite = new Button(getTranslation("network.invite.button"), VaadinIcon.ENVELOPE_O.create(),
                    click -> openInvite());
            invite.setId("invite-organization");
            content.add(new Div(invite));
        }
        Map<OrganizationType, Map<String, List<Member>>> grouped = new TreeMap<>();
        for (Member member : details.members()) {
            grouped.computeIfAbsent(member.organization().type(), t -> new TreeMap<>())
                    .computeIfAbsent(member.organization().district(getLocale()) == null ? ""
                            : member.organization().district(getLocale()), d -> new ArrayList<>())
                    .add(member);
        }
        if (grouped.isEmpty()) {
            content.add(new Paragraph(getTranslation("network.members.empty")));
        }
        for (var byType : grouped.entrySet()) {
            int count = byType.getValue().values().stream().mapToInt(List::size).sum();
            content.add(new H3(getTranslation(byType.getKey().nameKey()) + " (" + count + ")"));
            for (var byDistrict : byType.getValue().entrySet()) {
                if (!byDistrict.getKey().isEmpty()) {
                    H4 district = new H4(getTranslation("network.members.district", byDistrict.getKey()));
                    district.addClassName("muted");
                    content.add(district);
                }
                UnorderedList list = new UnorderedList();
                list.addClassName("member-list");
                byDistrict.getValue().stream()
                        .sorted(Comparator.comparing(m -> m.organization().nameTh()))
                        .forEach(m -> list.add(memberRow(m)));
                content.add(list);
            }
        }
        return content;
    }

    private ListItem memberRow(Member member) {
        Organization organization = member.organization();
        ListItem item = new ListItem(organizationLink(organization.id().value(), organization.name(getLocale())));
        Span since = new Span(" · " + getTranslation("network.members.since",
                DateFormats.date(member.joinedAt(), getLocale())));
        since.addClassName("muted");
        item.add(since);
        if (details.isAdministrator()) {
            Button remove = new Button(getTranslation("network.members.remove"), click ->
                    Dialogs.askText(this, "network.members.remove", null, "network.field.reason",
                            "network.members.remove", true, MembershipService.MAX_MESSAGE, reason -> {
                                boolean ok = Actions.run(this, () -> membership.remove(id, organization.id(), reason));
                                if (ok) {
                                    Notices.success(this, "network.members.removed");
                                    reload();
                                }
                                return ok;
                            }));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            item.add(remove);
        }
        return item;
    }

    private void openInvite() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("network.invite.button"));
        dialog.setWidth("min(560px, 96vw)");
        ComboBox<Organization> organization = new ComboBox<>(getTranslation("network.invite.organization"));
        organization.setItems(query -> directory.search(query.getFilter().orElse(""), null, null,
                query.getLimit() + query.getOffset()).stream().skip(query.getOffset()).limit(query.getLimit()));
        organization.setItemLabelGenerator(o -> o.name(getLocale()) + " · " + o.province().name(getLocale()));
        organization.setWidthFull();
        organization.setId("invite-organization-field");
        TextArea message = new TextArea(getTranslation("network.invite.message"));
        message.setWidthFull();
        message.setMaxLength(MembershipService.MAX_MESSAGE);
        dialog.add(organization, message);
        Button send = new Button(getTranslation("network.invite.send"), click -> {
            if (organization.getValue() == null) {
                organization.setInvalid(true);
                organization.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            if (Actions.run(this, () -> membership.invite(id, organization.getValue().id(), message.getValue()))) {
                dialog.close();
                Notices.success(this, "network.invite.sent");
                reload();
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), send);
        dialog.open();
    }

    // ---------------------------------------------------------------- requests (secretariat)

    private Component requests() {
        Div content = new Div();
        content.setId("requests");
        List<MembershipRequest> all = membership.requests(id, false);
        List<MembershipRequest> pending = all.stream().filter(r -> r.status() == MembershipRequest.Status.PENDING).toList();
        content.add(new H3(getTranslation("network.requests.pending")));
        if (pending.isEmpty()) {
            content.add(new Paragraph(getTranslation("network.requests.none")));
        }
        for (MembershipRequest request : pending) {
            content.add(requestCard(request));
        }
        List<MembershipRequest> decided = all.stream().filter(r -> r.status() != MembershipRequest.Status.PENDING)
                .limit(50).toList();
        if (!decided.isEmpty()) {
            content.add(new H3(getTranslation("network.requests.decided")));
            for (MembershipRequest request : decided) {
                content.add(requestCard(request));
            }
        }
        return content;
    }

    private Div requestCard(MembershipRequest request) {
        Div card = new Div();
        card.addClassName("card");
        card.addClassName("request-card");
        String orgName = request.organization() == null ? "" : request.organization().name(getLocale());
        Span kind = new Span(getTranslation(request.kind() == MembershipRequest.Kind.REQUEST
                ? "network.requests.kind.request" : "network.requests.kind.invitation"));
        kind.addClassName("muted");
        card.add(organizationLink(request.organization() == null ? "" : request.organization().id().value(), orgName),
                new Span(" "), kind);
        Span by = new Span(getTranslation("network.requests.by", request.requestedByName(),
                DateFormats.dateTime(request.createdAt(), getLocale())));
        by.addClassName("card-meta");
        card.add(by);
        if (request.message() != null) {
            Paragraph message = new Paragraph(request.message());
            message.addClassNames("quote", "pre-line");
            card.add(message);
        }
        if (request.status() == MembershipRequest.Status.PENDING && request.kind() == MembershipRequest.Kind.REQUEST) {
            Button approve = new Button(getTranslation("network.requests.approve"), click -> {
                if (Actions.run(this, () -> membership.approve(id, request.id()))) {
                    Notices.success(this, "network.requests.approved", orgName);
                    selectedTab = "requests";
                    reload();
                }
            });
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            approve.addClassName("approve-request");
            Button decline = new Button(getTranslation("network.requests.decline"), click ->
                    Dialogs.askText(this, "network.requests.decline", null, "network.field.reason",
                            "network.requests.decline", true, MembershipService.MAX_MESSAGE, reason -> {
                                boolean ok = Actions.run(this, () -> membership.decline(id, request.id(), reason));
                                if (ok) {
                                    selectedTab = "requests";
                                    reload();
                                }
                                return ok;
                            }));
            decline.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Div actions = new Div(approve, decline);
            actions.addClassName("actions");
            card.add(actions);
        } else if (request.status() == MembershipRequest.Status.PENDING) {
            card.add(new Tag(getTranslation("network.requests.waitingForAnswer"), Tag.Tone.WARNING));
        } else {
            Tag status = new Tag(getTranslation(request.status().nameKey()),
                    request.status() == MembershipRequest.Status.APPROVED ? Tag.Tone.SUCCESS : Tag.Tone.NEUTRAL);
            card.add(status);
            if (request.decidedAt() != null) {
                Span decidedBy = new Span(" " + getTranslation("network.requests.decidedBy",
                        request.decidedByName() == null ? "" : request.decidedByName(),
                        DateFormats.dateTime(request.decidedAt(), getLocale())));
                decidedBy.addClassName("muted");
                card.add(decidedBy);
            }
            if (request.reason() != null) {
                Paragraph reason = new Paragraph(getTranslation("network.requests.reason", request.reason()));
                reason.addClassName("pre-line");
                card.add(reason);
            }
        }
        return card;
    }

    // ---------------------------------------------------------------- history and audit

    private Component history() {
        Div content = new Div();
        content.setId("history");
        List<CharterChange> changes = charters.history(id);
        if (changes.isEmpty()) {
            content.add(new Paragraph(getTranslation("network.history.empty")));
        }
        for (CharterChange change : changes) {
            Div card = new Div();
            card.addClassName("card");
            Span head = new Span(getTranslation("network.history.entry", change.version(),
                    DateFormats.dateTime(change.at(), getLocale()), change.byName() == null ? "" : change.byName()));
            head.addClassName("card-title");
            card.add(head);
            UnorderedList list = new UnorderedList();
            change.changes().forEach(c -> list.add(new ListItem(Messages.render(this, c.key(), c.params()))));
            card.add(list);
            Div snapshot = new Div();
            if (change.vision() != null) {
                Paragraph vision = new Paragraph(change.vision());
                vision.addClassName("pre-line");
                snapshot.add(vision);
            }
            OrderedList goals = new OrderedList();
            change.goals().forEach(g -> goals.add(new ListItem(g)));
            snapshot.add(goals);
            card.add(new Details(getTranslation("network.history.snapshot"), snapshot));
            content.add(card);
        }
        return content;
    }

    private Component auditLog() {
        Div content = new Div();
        content.setId("audit");
        List<AuditEntry> entries = audit.entries("network:" + id.value(), 200);
        if (entries.isEmpty()) {
            content.add(new Paragraph(getTranslation("network.audit.empty")));
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("audit-list");
        for (AuditEntry entry : entries) {
            ListItem item = new ListItem();
            Span when = new Span(DateFormats.dateTime(entry.at(), getLocale()) + " · " + entry.actorName() + " · ");
            when.addClassName("muted");
            Map<String, String> d = entry.details();
            String subject = d.getOrDefault("organization", d.getOrDefault("person", d.getOrDefault("name",
                    d.getOrDefault("version", ""))));
            String position = d.containsKey("position") ? getTranslation("network.position." + d.get("position")) : "";
            item.add(when, new Span(getTranslation(entry.action(), subject, position)));
            if (entry.details().containsKey("reason")) {
                Span reason = new Span(" — " + entry.details().get("reason"));
                reason.addClassName("muted");
                item.add(reason);
            }
            list.add(item);
        }
        content.add(list);
        return content;
    }

    private Anchor organizationLink(String organizationId, String name) {
        Anchor link = new Anchor("organizations/" + organizationId, name);
        link.addClassName("org-link");
        return link;
    }

    @Override
    public String getPageTitle() {
        return details == null ? getTranslation("networks.title") : details.network().name(getLocale());
    }
}
