package th.phakhi.announcement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import th.phakhi.shared.Link;
import th.phakhi.announcement.Announcement;
import th.phakhi.announcement.AnnouncementForm;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.announcement.Category;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.workinggroup.WorkingGroup;

/**
 * Writing an announcement. On a refusal the dialog stays open with everything as typed; the
 * body's length is limited in the field too, so nothing is cut without the writer seeing it.
 */
class ComposeDialog extends Dialog {

    private static final WorkingGroup WHOLE_NETWORK = null;

    ComposeDialog(Announcement existing, List<WorkingGroup> groups, Predicate<AnnouncementForm> onSave) {
        setHeaderTitle(getTranslation(existing == null ? "announcement.compose" : "announcement.edit"));
        setWidth("min(760px, 96vw)");
        TextField title = new TextField(getTranslation("announcement.field.title"));
        title.setRequired(true);
        title.setMaxLength(AnnouncementService.MAX_TITLE);
        title.setWidthFull();
        title.setId("announcement-title");
        Select<Category> category = new Select<>();
        category.setLabel(getTranslation("announcement.field.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> getTranslation(c.nameKey()));
        category.setValue(Category.NEWS);
        category.setId("announcement-category");
        Select<Optional<WorkingGroup>> audience = new Select<>();
        audience.setLabel(getTranslation("announcement.field.audience"));
        List<Optional<WorkingGroup>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        groups.forEach(g -> choices.add(Optional.of(g)));
        audience.setItems(choices);
        audience.setItemLabelGenerator(o -> o.map(WorkingGroup::name).orElse(getTranslation("announcement.audience.network")));
        audience.setValue(Optional.empty());
        TextArea body = new TextArea(getTranslation("announcement.field.body"));
        body.setWidthFull();
        body.setMinRows(6);
        body.setMaxLength(AnnouncementService.MAX_BODY);
        body.setHelperText(getTranslation("announcement.field.bodyHelp", AnnouncementService.MAX_BODY));
        body.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        body.setId("announcement-body");
        TextArea links = new TextArea(getTranslation("announcement.field.links"));
        links.setWidthFull();
        links.setHelperText(getTranslation("announcement.field.linksHelp"));
        DateTimePicker publishAt = new DateTimePicker(getTranslation("announcement.field.publishAt"));
        publishAt.setHelperText(getTranslation("announcement.field.publishAtHelp"));
        DateTimePicker expiresAt = new DateTimePicker(getTranslation("announcement.field.expiresAt"));
        Checkbox pinned = new Checkbox(getTranslation("announcement.field.pinned"));
        Checkbox ack = new Checkbox(getTranslation("announcement.field.ackRequired"));
        ack.setId("announcement-ack");
        Checkbox isPublic = new Checkbox(getTranslation("announcement.field.public"));
        if (existing != null) {
            title.setValue(existing.title());
            category.setValue(existing.category());
            body.setValue(existing.body());
            audience.setValue(groups.stream().filter(g -> g.id().equals(existing.group())).findFirst());
            List<String> lines = new ArrayList<>();
            existing.links().forEach(l -> lines.add((l.label() == null ? "" : l.label() + " | ") + l.url()));
            links.setValue(String.join("\n", lines));
            publishAt.setValue(LocalDateTime.ofInstant(existing.publishAt(), DateFormats.THAILAND));
            if (existing.expiresAt() != null) {
                expiresAt.setValue(LocalDateTime.ofInstant(existing.expiresAt(), DateFormats.THAILAND));
            }
            pinned.setValue(existing.pinned());
            ack.setValue(existing.acknowledgementRequired());
            isPublic.setValue(existing.isPublic());
        }
        FormLayout form = new FormLayout(title, category, audience, body, links, publishAt, expiresAt, pinned, ack,
                isPublic);
        form.setColspan(title, 2);
        form.setColspan(body, 2);
        form.setColspan(links, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        add(form);
        Button save = new Button(getTranslation(existing == null ? "announcement.publish" : "action.save"), e -> {
            boolean missing = false;
            if (title.getValue().isBlank()) {
                title.setInvalid(true);
                title.setErrorMessage(getTranslation("validation.required"));
                missing = true;
            }
            if (body.getValue().isBlank()) {
                body.setInvalid(true);
                body.setErrorMessage(getTranslation("validation.required"));
                missing = true;
            }
            if (missing) {
                return;
            }
            List<Link> parsed = new ArrayList<>();
            links.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
                String[] parts = line.split("\\|", 2);
                parsed.add(parts.length == 2 ? new Link(parts[0].strip(), parts[1].strip())
                        : new Link(null, parts[0].strip()));
            });
            AnnouncementForm result = new AnnouncementForm(title.getValue(), body.getValue(), category.getValue(),
                    audience.getValue().map(WorkingGroup::id).orElse(null), parsed, instant(publishAt.getValue()),
                    instant(expiresAt.getValue()), pinned.getValue(), ack.getValue(), isPublic.getValue());
            if (onSave.test(result)) {
                close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("announcement-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.atZone(DateFormats.THAILAND).toInstant();
    }
}
