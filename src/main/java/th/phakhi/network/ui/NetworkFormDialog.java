package th.phakhi.network.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Predicate;
import th.phakhi.directory.Province;
import th.phakhi.directory.Provinces;
import th.phakhi.network.Network;
import th.phakhi.network.NetworkForm;
import th.phakhi.network.NetworkScope;
import th.phakhi.network.NetworkService;
import th.phakhi.network.NetworkVisibility;

/** Create or edit a network's basic information. The dialog stays open (with what was typed) until saved. */
class NetworkFormDialog extends Dialog {

    private final TextField nameTh = new TextField();
    private final TextField nameEn = new TextField();
    private final Select<NetworkScope> scope = new Select<>();
    private final ComboBox<Province> province = new ComboBox<>();
    private final TextArea description = new TextArea();
    private final RadioButtonGroup<NetworkVisibility> visibility = new RadioButtonGroup<>();

    NetworkFormDialog(Network existing, Predicate<NetworkForm> onSave) {
        setHeaderTitle(getTranslation(existing == null ? "network.create.title" : "network.edit.title"));
        setWidth("min(640px, 96vw)");
        nameTh.setLabel(getTranslation("network.field.nameTh"));
        nameTh.setRequired(true);
        nameTh.setMaxLength(NetworkService.MAX_NAME);
        nameTh.setId("network-name-th");
        nameEn.setLabel(getTranslation("network.field.nameEn"));
        nameEn.setMaxLength(NetworkService.MAX_NAME);
        scope.setLabel(getTranslation("network.field.scope"));
        scope.setItems(NetworkScope.values());
        scope.setItemLabelGenerator(s -> getTranslation(s.nameKey()));
        scope.setValue(NetworkScope.PROVINCIAL);
        scope.setId("network-scope");
        province.setLabel(getTranslation("network.field.province"));
        province.setItems(Provinces.all());
        province.setItemLabelGenerator(p -> p.name(getLocale()));
        province.setId("network-province");
        scope.addValueChangeListener(e -> province.setVisible(e.getValue() == NetworkScope.PROVINCIAL));
        description.setLabel(getTranslation("network.field.description"));
        description.setMaxLength(NetworkService.MAX_DESCRIPTION);
        description.setMinRows(3);
        visibility.setLabel(getTranslation("network.field.visibility"));
        visibility.setItems(NetworkVisibility.values());
        visibility.setItemLabelGenerator(v -> getTranslation(v.nameKey() + ".explained"));
        visibility.setValue(NetworkVisibility.PUBLIC);
        if (existing != null) {
            nameTh.setValue(existing.nameTh());
            nameEn.setValue(existing.nameEn() == null ? "" : existing.nameEn());
            scope.setValue(existing.scope());
            Provinces.byCode(existing.provinceCode()).ifPresent(province::setValue);
            description.setValue(existing.description() == null ? "" : existing.description());
            visibility.setValue(existing.visibility());
        }
        province.setVisible(scope.getValue() == NetworkScope.PROVINCIAL);
        FormLayout form = new FormLayout(nameTh, nameEn, scope, province, description, visibility);
        form.setColspan(description, 2);
        form.setColspan(visibility, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2));
        add(form);

        Button save = new Button(getTranslation(existing == null ? "network.create.submit" : "action.save"), click -> {
            if (nameTh.getValue().isBlank()) {
                nameTh.setInvalid(true);
                nameTh.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            if (scope.getValue() == NetworkScope.PROVINCIAL && province.getValue() == null) {
                province.setInvalid(true);
                province.setErrorMessage(getTranslation("network.error.province"));
                return;
            }
            NetworkForm form1 = new NetworkForm(nameTh.getValue(), nameEn.getValue(), scope.getValue(),
                    province.getValue() == null ? null : province.getValue().code(), description.getValue(),
                    visibility.getValue());
            if (onSave.test(form1)) {
                close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("network-save");
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
