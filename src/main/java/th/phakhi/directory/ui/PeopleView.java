package th.phakhi.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.Organization;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;

/** Who does what, whom to contact: people by name, organization, responsibilities and expertise. */
@Route("people")
@Menu(title = "menu.people", icon = "vaadin:users", order = 4)
@PermitAll
class PeopleView extends Div implements HasDynamicTitle {

    private final PeopleService people;
    private final DirectoryService directory;
    private final TextField search = new TextField();
    private final Div results = new Div();

    PeopleView(PeopleService people, DirectoryService directory) {
        this.people = people;
        this.directory = directory;
        addClassName("page");
        setId("people");
        Div header = new Div(new H2(getTranslation("people.title")));
        header.addClassName("page-header");
        Button me = new Button(getTranslation("people.editMine"), VaadinIcon.USER.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(MyEntryView.class)));
        me.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        header.add(me);
        add(header);
        search.setPlaceholder(getTranslation("people.search.placeholder"));
        search.setAriaLabel(getTranslation("people.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.setId("people-search");
        search.addValueChangeListener(e -> refresh());
        add(search);
        results.addClassName("card-list");
        results.setId("people-results");
        add(results);
        refresh();
    }

    private void refresh() {
        results.removeAll();
        if (search.getValue().isBlank()) {
            results.add(new Paragraph(getTranslation("people.search.hint")));
            return;
        }
        List<Person> found = people.search(search.getValue(), null, PeopleService.MAX_RESULTS);
        if (found.isEmpty()) {
            results.add(new Paragraph(getTranslation("people.none")));
            return;
        }
        Map<OrganizationId, Organization> organizations = directory.organizations(
                found.stream().map(Person::organizationId).distinct().toList());
        for (Person person : found) {
            Organization organization = organizations.get(person.organizationId());
            results.add(new PersonCard(person, organization, organization == null ? null : organization.type()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people.title");
    }
}
