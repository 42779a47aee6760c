package th.phakhi.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import th.phakhi.directory.ImportReport;
import th.phakhi.directory.InvalidOrganizationException;
import th.phakhi.directory.OrganizationRecord;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.Messages;
import th.phakhi.shared.ui.Notices;

/**
 * Edits an organization's profile (seed 004's fields). Problems come back field by field and the
 * dialog keeps everything typed. Registry identity (code, type, names, province) is shown but only
 * platform administrators change it, through the import.
 */
class ProfileDialog extends Dialog {

    private final TextArea address = new TextArea();
    private final TextField postcode = new TextField();
    private final TextField phone = new TextField();
    private final TextField fax = new TextField();
    private final TextField email = new TextField();
    private final TextField website = new TextField();
    private final IntegerField populationMale = new IntegerField();
    private final IntegerField populationFemale = new IntegerField();
    private final BigDecimalField area = new BigDecimalField();
    private final IntegerField communities = new IntegerField();
    private final BigDecimalField revenue = new BigDecimalField();
    private final BigDecimalField subsidies = new BigDecimalField();
    private final IntegerField seatsMale = new IntegerField();
    private final IntegerField seatsFemale = new IntegerField();
    private final TextArea vision = new TextArea();
    private final TextArea executives = new TextArea();
    private final Span problems = new Span();

    ProfileDialog(OrganizationRecord current, Function<OrganizationRecord, Boolean> onSave) {
        setHeaderTitle(getTranslation("org.edit.title", current.nameTh()));
        setWidth("min(760px, 96vw)");
        label(address, "org.field.address");
        label(postcode, "org.field.postcode");
        label(phone, "org.field.phone");
        label(fax, "org.field.fax");
        label(email, "org.field.email");
        label(website, "org.field.website");
        label(populationMale, "org.field.populationMale");
        label(populationFemale, "org.field.populationFemale");
        label(area, "org.field.area");
        label(communities, "org.field.communities");
        label(revenue, "org.field.revenue");
        label(subsidies, "org.field.subsidies");
        label(seatsMale, "org.field.seatsMale");
        label(seatsFemale, "org.field.seatsFemale");
        label(vision, "org.field.vision");
        label(executives, "org.field.executives");
        executives.setHelperText(getTranslation("org.field.executivesHelp"));
        vision.setId("org-vision");

        address.setValue(text(current.address()));
        postcode.setValue(text(current.postcode()));
        phone.setValue(text(current.phone()));
        fax.setValue(text(current.fax()));
        email.setValue(text(current.email()));
        website.setValue(text(current.website()));
        populationMale.setValue(current.populationMale());
        populationFemale.setValue(current.populationFemale());
        area.setValue(current.areaKm2());
        communities.setValue(current.communities());
        revenue.setValue(current.revenueBaht());
        subsidies.setValue(current.subsidiesBaht());
        seatsMale.setValue(current.councilSeatsMale());
        seatsFemale.setValue(current.councilSeatsFemale());
        vision.setValue(text(current.vision()));
        List<String> lines = new ArrayList<>();
        current.executiveTeam().forEach(m -> lines.add(m.name() + (m.position() == null ? "" : " | " + m.position())));
        executives.setValue(String.join("\n", lines));

        FormLayout form = new FormLayout(address, postcode, phone, fax, email, website, populationMale,
                populationFemale, area, communities, revenue, subsidies, seatsMale, seatsFemale, vision, executives);
        form.setColspan(address, 2);
        form.setColspan(vision, 2);
        form.setColspan(executives, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        problems.addClassName("error-text");
        add(problems, form);

        Button save = new Button(getTranslation("action.save"), click -> {
            List<OrganizationRecord.ExecutiveMember> team = new ArrayList<>();
            executives.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
                String[] parts = line.split("\\|", 2);
                team.add(new OrganizationRecord.ExecutiveMember(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null));
            });
            OrganizationRecord changed = new OrganizationRecord(current.code(), current.type(), current.nameTh(),
                    current.nameEn(), current.provinceCode(), current.districtTh(), current.districtEn(),
                    address.getValue(), postcode.getValue(), phone.getValue(), fax.getValue(), email.getValue(),
                    website.getValue(), populationMale.getValue(), populationFemale.getValue(), area.getValue(),
                    communities.getValue(), revenue.getValue(), subsidies.getValue(), seatsMale.getValue(),
                    seatsFemale.getValue(), vision.getValue(), team);
            try {
                if (Boolean.TRUE.equals(onSave.apply(changed))) {
                    close();
                }
            } catch (InvalidOrganizationException e) {
                StringBuilder text = new StringBuilder();
                for (ImportReport.ImportProblem p : e.problems()) {
                    text.append(getTranslation("import.column." + p.column())).append(": ")
                            .append(Messages.render(this, p.messageKey(), p.params().stream().map(String::valueOf).toList()))
                            .append("  ");
                }
                problems.setText(text.toString());
            } catch (UserFacingException e) {
                Notices.error(this, e);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("org-save");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    private void label(com.vaadin.flow.component.HasLabel field, String key) {
        field.setLabel(getTranslation(key));
        if (field instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setWidthFull();
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
