package th.phakhi.directory.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import th.phakhi.directory.ContactVisibility;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.PersonUpdate;
import th.phakhi.directory.Position;

/** The fields of a directory entry; tags are typed freely (press Enter to add one). */
class PersonForm extends FormLayout {

    final TextField title = new TextField();
    final TextField firstName = new TextField();
    final TextField lastName = new TextField();
    final Select<Position> position = new Select<>();
    final TextField positionDetail = new TextField();
    final MultiSelectComboBox<String> responsibilities = tags();
    final MultiSelectComboBox<String> expertise = tags();
    final TextField phone = new TextField();
    final EmailField email = new EmailField();
    final TextField lineId = new TextField();
    final RadioButtonGroup<ContactVisibility> visibility = new RadioButtonGroup<>();

    PersonForm(boolean positionEditable) {
        title.setLabel(getTranslation("person.field.title"));
        title.setPlaceholder(getTranslation("person.field.title.placeholder"));
        title.setMaxLength(30);
        firstName.setLabel(getTranslation("person.field.firstName"));
        firstName.setRequired(true);
        firstName.setMaxLength(PeopleService.MAX_NAME);
        firstName.setId("person-first-name");
        lastName.setLabel(getTranslation("person.field.lastName"));
        lastName.setRequired(true);
        lastName.setMaxLength(PeopleService.MAX_NAME);
        position.setLabel(getTranslation("person.field.position"));
        position.setItems(Position.values());
        position.setItemLabelGenerator(p -> getTranslation(p.nameKey()));
        position.setValue(Position.STAFF);
        position.setReadOnly(!positionEditable);
        positionDetail.setLabel(getTranslation("person.field.positionDetail"));
        positionDetail.setMaxLength(PeopleService.MAX_NAME);
        responsibilities.setLabel(getTranslation("person.field.responsibilities"));
        responsibilities.setHelperText(getTranslation("person.field.tagsHelp"));
        expertise.setLabel(getTranslation("person.field.expertise"));
        expertise.setHelperText(getTranslation("person.field.tagsHelp"));
        expertise.setId("person-expertise");
        phone.setLabel(getTranslation("person.field.phone"));
        phone.setMaxLength(60);
        email.setLabel(getTranslation("person.field.email"));
        email.setMaxLength(200);
        lineId.setLabel(getTranslation("person.field.line"));
        lineId.setMaxLength(60);
        visibility.setLabel(getTranslation("person.field.visibility"));
        visibility.setItems(ContactVisibility.values());
        visibility.setItemLabelGenerator(v -> getTranslation(v.nameKey()));
        visibility.setValue(ContactVisibility.SHARED_NETWORKS);
        visibility.setId("person-visibility");
        add(title, firstName, lastName, position, positionDetail, responsibilities, expertise, phone, email, lineId,
                visibility);
        setColspan(responsibilities, 2);
        setColspan(expertise, 2);
        setColspan(visibility, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("560px", 2));
    }

    void read(Person p) {
        title.setValue(p.title() == null ? "" : p.title());
        firstName.setValue(p.firstName());
        lastName.setValue(p.lastName());
        position.setValue(p.position());
        positionDetail.setValue(p.positionDetail() == null ? "" : p.positionDetail());
        setTags(responsibilities, p.responsibilities());
        setTags(expertise, p.expertise());
        phone.setValue(p.phone() == null ? "" : p.phone());
        email.setValue(p.email() == null ? "" : p.email());
        lineId.setValue(p.lineId() == null ? "" : p.lineId());
        visibility.setValue(p.contactVisibility());
    }

    PersonUpdate value() {
        return new PersonUpdate(title.getValue(), firstName.getValue(), lastName.getValue(), position.getValue(),
                positionDetail.getValue(), new ArrayList<>(responsibilities.getValue()),
                new ArrayList<>(expertise.getValue()), phone.getValue(), email.getValue(), lineId.getValue(),
                visibility.getValue());
    }

    boolean validate() {
        boolean ok = true;
        for (TextField required : List.of(firstName, lastName)) {
            boolean blank = required.getValue().isBlank();
            required.setInvalid(blank);
            required.setErrorMessage(blank ? getTranslation("validation.required") : null);
            ok &= !blank;
        }
        return ok;
    }

    private static MultiSelectComboBox<String> tags() {
        MultiSelectComboBox<String> box = new MultiSelectComboBox<>();
        box.setAllowCustomValue(true);
        box.setItems(new ArrayList<>());
        box.addCustomValueSetListener(e -> {
            String tag = e.getDetail() == null ? "" : e.getDetail().strip();
            if (!tag.isEmpty() && tag.length() <= PeopleService.MAX_TAG) {
                Set<String> values = new LinkedHashSet<>(box.getValue());
                values.add(tag);
                setTags(box, values);
            }
        });
        box.setWidthFull();
        return box;
    }

    private static void setTags(MultiSelectComboBox<String> box, java.util.Collection<String> values) {
        List<String> items = new ArrayList<>(values);
        box.setItems(items);
        box.setValue(new LinkedHashSet<>(items));
    }
}
