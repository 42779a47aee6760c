package th.phakhi.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import th.phakhi.security.ApiToken;
import th.phakhi.security.ApiTokenService;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Dialogs;

/** Personal API tokens for other apps (the STOMP API, docs/api.md): create, see once, revoke. */
@Route("tokens")
@PermitAll
class TokensView extends Div implements HasDynamicTitle {

    private final ApiTokenService tokens;
    private final Div list = new Div();
    private final Div created = new Div();

    TokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        addClassName("page");
        setId("tokens");
        add(new H2(getTranslation("token.title")), new Paragraph(getTranslation("token.intro")));
        TextField name = new TextField(getTranslation("token.name"));
        name.setMaxLength(100);
        name.setId("token-name");
        Button create = new Button(getTranslation("token.create"), e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            Actions.call(this, () -> tokens.create(name.getValue())).ifPresent(token -> {
                name.clear();
                created.removeAll();
                Span secret = new Span(token.secret());
                secret.addClassName("secret");
                secret.setId("token-secret");
                created.add(new Paragraph(getTranslation("token.created")), secret);
                refresh();
            });
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-token");
        Div form = new Div(name, create);
        form.addClassName("filters");
        created.addClassName("card-highlight");
        add(form, created, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        for (ApiToken token : tokens.mine()) {
            Span text = new Span(token.name() + " · " + getTranslation("token.createdAt",
                    DateFormats.dateTime(token.createdAt(), getLocale()))
                    + (token.lastUsedAt() == null ? "" : " · " + getTranslation("token.lastUsed",
                    DateFormats.dateTime(token.lastUsedAt(), getLocale()))));
            Button revoke = new Button(getTranslation("token.revoke"), e -> Dialogs.confirm(this, "token.revoke",
                    getTranslation("token.revoke.confirm", token.name()), "token.revoke", true, () -> {
                        tokens.revoke(token.id());
                        refresh();
                    }));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            Div row = new Div(text, revoke);
            row.addClassName("actions");
            list.add(row);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("token.title");
    }
}
