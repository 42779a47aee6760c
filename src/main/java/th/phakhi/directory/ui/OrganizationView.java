package th.phakhi.directory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
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
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.NewPerson;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.OrganizationProfile;
import th.phakhi.directory.OrganizationRecord;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.PersonId;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Notices;
import th.phakhi.shared.ui.Tag;

/** An organization's profile: registry facts, vision, executives and council, its people and networks. */
@Route("organizations/:organizationId")
@PermitAll
class OrganizationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final DirectoryService directory;
    private final PeopleService people;
    private OrganizationId id;
    private OrganizationProfile profile;

    OrganizationView(DirectoryService directory, PeopleService people) {
        this.directory = directory;
        this.people = people;
        addClassName("page");
        setId("organization");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = new OrganizationId(event.getRouteParameters().get("organizationId").orElse(""));
        Optional<OrganizationProfile> found = directory.profile(id);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        profile = found.get();
        render();
    }

    private void reload() {
        directory.profile(id).ifPresent(p -> {
            profile = p;
            render();
        });
    }

    private void render() {
        removeAll();
        var organization = profile.organization();
        OrganizationRecord d = profile.details();
        H2 title = new H2(organization.name(getLocale()));
        title.setId("organization-title");
        Span meta = new Span(getTranslation(organization.type().nameKey()) + " · "
                + (organization.district(getLocale()) == null ? ""
                : getTranslation("organizations.district", organization.district(getLocale())) + " · ")
                + organization.province().name(getLocale()));
        meta.addClassName("muted");
        Div header = new Div(title, meta);
        header.addClassName("page-header-block");
        if (profile.editable()) {
            Button edit = new Button(getTranslation("org.edit.button"), VaadinIcon.EDIT.create(), click ->
                    new ProfileDialog(d, changed -> {
                        directory.updateProfile(id, changed);
                        Notices.success(this, "org.edit.saved");
                        reload();
                        return true;
                    }).open());
            edit.setId("edit-organization");
            header.add(new Div(edit));
        }
        add(header);

        if (d.vision() != null) {
            Paragraph vision = new Paragraph("“" + d.vision() + "”");
            vision.addClassNames("vision", "pre-line");
            add(new H3(getTranslation("org.field.vision")), vision);
        }

        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "org.field.address", join(d.address(), d.postcode()));
        fact(facts, "org.field.phone", d.phone());
        fact(facts, "org.field.fax", d.fax());
        fact(facts, "org.field.email", d.email());
        fact(facts, "org.field.website", d.website());
        if (profile.population() != null) {
            fact(facts, "org.field.population", getTranslation("org.population.value", number(profile.population()),
                    number(d.populationMale()), number(d.populationFemale())));
        }
        fact(facts, "org.field.area", d.areaKm2() == null ? null : getTranslation("org.area.value", number(d.areaKm2())));
        fact(facts, "org.field.communities", d.communities() == null ? null : number(d.communities()));
        fact(facts, "org.field.revenue", d.revenueBaht() == null ? null : getTranslation("org.baht", money(d.revenueBaht())));
        fact(facts, "org.field.subsidies", d.subsidiesBaht() == null ? null
                : getTranslation("org.baht", money(d.subsidiesBaht())));
        if (d.councilSeatsMale() != null || d.councilSeatsFemale() != null) {
            fact(facts, "org.field.council", getTranslation("org.council.value",
                    number(d.councilSeatsMale()), number(d.councilSeatsFemale())));
        }
        fact(facts, "org.field.code", d.code());
        add(new H3(getTranslation("org.section.facts")), facts);

        if (!d.executiveTeam().isEmpty()) {
            UnorderedList team = new UnorderedList();
            d.executiveTeam().forEach(m -> team.add(new ListItem(m.name() + (m.position() == null ? "" : " — " + m.position()))));
            add(new H3(getTranslation("org.section.executives")), team);
        }

        add(peopleSection());

        add(new H3(getTranslation("org.section.networks")));
        if (profile.networks().isEmpty()) {
            add(new Paragraph(getTranslation("org.networks.none")));
        } else {
            UnorderedList networks = new UnorderedList();
            profile.networks().forEach(n -> networks.add(new ListItem(new Anchor("networks/" + n.id(), n.name(getLocale())))));
            networks.setId("organization-networks");
            add(networks);
        }
    }

    private Component peopleSection() {
        Div section = new Div(new H3(getTranslation("org.section.people")));
        section.setId("organization-people");
        Div actions = new Div();
        actions.addClassName("actions");
        if (profile.editable()) {
            Button add = new Button(getTranslation("org.people.add"), VaadinIcon.PLUS.create(), click -> openAddPerson());
            actions.add(add);
        }
        if (profile.canDelegate()) {
            Button delegates = new Button(getTranslation("org.delegates.button"), VaadinIcon.KEY.create(),
                    click -> openDelegates());
            delegates.setId("edit-delegates");
            actions.add(delegates);
        }
        section.add(actions);
        Div list = new Div();
        list.addClassName("card-list");
        for (Person person : profile.people()) {
            PersonCard card = new PersonCard(person, null, profile.organization().type());
            if (profile.delegates().contains(person.id())) {
                card.add(new Tag(getTranslation("org.delegates.tag"), Tag.Tone.PRIMARY));
            }
            list.add(card);
        }
        if (profile.people().isEmpty()) {
            list.add(new Paragraph(getTranslation("org.people.none")));
        }
        section.add(list);
        return section;
    }

    private void openAddPerson() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("org.people.add"));
        dialog.setWidth("min(720px, 96vw)");
        PersonForm form = new PersonForm(true);
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), click -> {
            if (!form.validate()) {
                return;
            }
            var v = form.value();
            if (Actions.run(this, () -> people.createPerson(new NewPerson(id, null, v.title(), v.firstName(),
                    v.lastName(), v.position(), v.positionDetail(), v.responsibilities(), v.expertise(), v.phone(),
                    v.email(), v.lineId(), v.contactVisibility())))) {
                dialog.close();
                reload();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openDelegates() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("org.delegates.button"));
        dialog.setWidth("min(560px, 96vw)");
        dialog.add(new Paragraph(getTranslation("org.delegates.explained")));
        MultiSelectComboBox<Person> choice = new MultiSelectComboBox<>(getTranslation("org.delegates.people"));
        choice.setItems(profile.people());
        choice.setItemLabelGenerator(Person::fullName);
        choice.setValue(new LinkedHashSet<>(profile.people().stream()
                .filter(p -> profile.delegates().contains(p.id())).toList()));
        choice.setWidthFull();
        dialog.add(choice);
        Button save = new Button(getTranslation("action.save"), click -> {
            List<PersonId> ids = choice.getValue().stream().map(Person::id).toList();
            if (Actions.run(this, () -> directory.setDelegates(id, ids))) {
                dialog.close();
                reload();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void fact(Div facts, String labelKey, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        Span text = new Span(value);
        text.addClassName("fact-value");
        Div row = new Div(label, text);
        row.addClassName("fact");
        facts.add(row);
    }

    private String number(Number value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(value instanceof BigDecimal ? 2 : 0);
        return format.format(value);
    }

    private String money(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }

    @Override
    public String getPageTitle() {
        return profile == null ? getTranslation("organizations.title") : profile.organization().name(getLocale());
    }
}
