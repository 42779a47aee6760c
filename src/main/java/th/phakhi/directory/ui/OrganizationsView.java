package th.phakhi.directory.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.Organization;
import th.phakhi.directory.OrganizationType;
import th.phakhi.directory.Province;
import th.phakhi.directory.Provinces;
import th.phakhi.shared.ui.Tag;

/** The organization registry: search by name in Thai or English, filter by province and type. */
@Route("organizations")
@Menu(title = "menu.organizations", icon = "vaadin:building", order = 3)
@PermitAll
class OrganizationsView extends Div implements HasDynamicTitle {

    static final int PAGE = 100;

    private final DirectoryService directory;
    private final TextField search = new TextField();
    private final ComboBox<Province> province = new ComboBox<>();
    private final Select<OrganizationType> type = new Select<>();
    private final Div results = new Div();
    private final Span summary = new Span();

    OrganizationsView(DirectoryService directory) {
        this.directory = directory;
        addClassName("page");
        setId("organizations");
        add(new H2(getTranslation("organizations.title")));

        search.setPlaceholder(getTranslation("organizations.search.placeholder"));
        search.setAriaLabel(getTranslation("organizations.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("organization-search");
        search.addValueChangeListener(e -> refresh());
        province.setPlaceholder(getTranslation("organizations.province.all"));
        province.setAriaLabel(getTranslation("organizations.province"));
        province.setItems(Provinces.all());
        province.setItemLabelGenerator(p -> p.name(getLocale()));
        province.setClearButtonVisible(true);
        province.setId("organization-province");
        province.addValueChangeListener(e -> refresh());
        type.setItems(OrganizationType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("organizations.type.all"));
        type.setItemLabelGenerator(t -> t == null ? getTranslation("organizations.type.all")
                : getTranslation(t.nameKey()) + " (" + getTranslation(t.abbreviationKey()) + ")");
        type.setAriaLabel(getTranslation("organizations.type"));
        type.setId("organization-type");
        type.addValueChangeListener(e -> refresh());
        Div filters = new Div(search, province, type);
        filters.addClassName("filters");
        add(filters);
        summary.addClassName("muted");
        add(summary);
        results.addClassName("card-list");
        results.setId("organization-results");
        add(results);
        refresh();
    }

    private void refresh() {
        results.removeAll();
        List<Organization> found = directory.search(search.getValue(),
                province.getValue() == null ? null : province.getValue().code(), type.getValue(), PAGE);
        summary.setText(found.size() >= PAGE ? getTranslation("organizations.summary.many", PAGE)
                : getTranslation("organizations.summary", found.size()));
        if (found.isEmpty()) {
            results.add(new Paragraph(getTranslation("organizations.none")));
        }
        for (Organization organization : found) {
            results.add(card(organization));
        }
    }

    private Div card(Organization organization) {
        Div card = new Div();
        card.addClassName("card");
        RouterLink name = new RouterLink(OrganizationView.class,
                new RouteParameters("organizationId", organization.id().value()));
        name.setText(organization.name(getLocale()));
        name.addClassName("card-title");
        String district = organization.district(getLocale());
        Span meta = new Span((district == null ? "" : getTranslation("organizations.district", district) + " · ")
                + organization.province().name(getLocale()));
        meta.addClassName("card-meta");
        card.add(name, meta, new Div(new Tag(getTranslation(organization.type().abbreviationKey()), Tag.Tone.NEUTRAL)));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("organizations.title");
    }
}
