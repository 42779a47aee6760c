package th.phakhi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Predicate;

/** Small dialogs every module uses: confirm, and ask for a text (a reason, a message). */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * Asks for a text. {@code onSubmit} returns true when it succeeded; otherwise the dialog stays
     * open with the text as typed.
     */
    public static Dialog askText(Component context, String titleKey, String promptKey, String labelKey,
                                 String submitKey, boolean required, int maxLength, Predicate<String> onSubmit) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(context.getTranslation(titleKey));
        dialog.setWidth("min(560px, 95vw)");
        if (promptKey != null) {
            dialog.add(new Paragraph(context.getTranslation(promptKey)));
        }
        TextArea text = new TextArea(context.getTranslation(labelKey));
        text.setWidthFull();
        text.setMaxLength(maxLength);
        text.setRequired(required);
        text.setMinRows(3);
        dialog.add(text);
        Button submit = new Button(context.getTranslation(submitKey), click -> {
            if (required && text.getValue().isBlank()) {
                text.setInvalid(true);
                text.setErrorMessage(context.getTranslation("validation.required"));
                return;
            }
            if (onSubmit.test(text.getValue())) {
                dialog.close();
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("dialog-submit");
        Button cancel = new Button(context.getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, submit);
        dialog.open();
        text.focus();
        return dialog;
    }

    public static Dialog confirm(Component context, String titleKey, String message, String confirmKey, boolean danger,
                                 Runnable onConfirm) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(context.getTranslation(titleKey));
        dialog.setWidth("min(480px, 95vw)");
        dialog.add(new Paragraph(message));
        Button ok = new Button(context.getTranslation(confirmKey), click -> {
            dialog.close();
            onConfirm.run();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (danger) {
            ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        ok.setId("dialog-confirm");
        dialog.getFooter().add(new Button(context.getTranslation("action.cancel"), click -> dialog.close()), ok);
        dialog.open();
        return dialog;
    }
}
