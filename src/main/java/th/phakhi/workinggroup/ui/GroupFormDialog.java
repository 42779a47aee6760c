package th.phakhi.workinggroup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import th.phakhi.directory.Person;
import th.phakhi.workinggroup.WorkingGroup;
import th.phakhi.workinggroup.WorkingGroupForm;
import th.phakhi.workinggroup.WorkingGroupService;

/** Create or edit a working group: name, mandate (terms of reference), lead and members. */
class GroupFormDialog extends Dialog {

    GroupFormDialog(WorkingGroup existing, List<Person> candidates, Predicate<WorkingGroupForm> onSave) {
        setHeaderTitle(getTranslation(existing == null ? "wg.create" : "wg.edit"));
        setWidth("min(680px, 96vw)");
        TextField name = new TextField(getTranslation("wg.field.name"));
        name.setWidthFull();
        name.setRequired(true);
        name.setMaxLength(WorkingGroupService.MAX_NAME);
        name.setId("wg-name");
        TextArea mandate = new TextArea(getTranslation("wg.field.mandate"));
        mandate.setWidthFull();
        mandate.setMinRows(3);
        mandate.setMaxLength(WorkingGroupService.MAX_MANDATE);
        mandate.setId("wg-mandate");
        ComboBox<Person> lead = new ComboBox<>(getTranslation("wg.field.lead"));
        lead.setItems(candidates);
        lead.setItemLabelGenerator(Person::fullName);
        lead.setWidthFull();
        lead.setRequired(true);
        lead.setId("wg-lead");
        MultiSelectComboBox<Person> members = new MultiSelectComboBox<>(getTranslation("wg.field.members"));
        members.setItems(candidates);
        members.setItemLabelGenerator(Person::fullName);
        members.setWidthFull();
        members.setId("wg-members");
        if (existing != null) {
            name.setValue(existing.name());
            mandate.setValue(existing.mandate() == null ? "" : existing.mandate());
            candidates.stream().filter(p -> p.id().equals(existing.lead())).findFirst().ifPresent(lead::setValue);
            members.setValue(new LinkedHashSet<>(candidates.stream().filter(p -> existing.members().contains(p.id())).toList()));
        }
        add(name, mandate, lead, members);
        Button save = new Button(getTranslation("action.save"), e -> {
            if (name.getValue().isBlank() || lead.getValue() == null) {
                name.setInvalid(name.getValue().isBlank());
                lead.setInvalid(lead.getValue() == null);
                return;
            }
            if (onSave.test(new WorkingGroupForm(name.getValue(), mandate.getValue(), lead.getValue().id(),
                    members.getValue().stream().map(Person::id).toList()))) {
                close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("wg-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
