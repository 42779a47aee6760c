package th.phakhi.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Notices;

/** The signed-in person's own directory entry: what they do and who may see their contact details. */
@Route("me")
@PermitAll
class MyEntryView extends Div implements HasDynamicTitle {

    MyEntryView(PeopleService people) {
        addClassName("page");
        setId("my-entry");
        add(new H2(getTranslation("me.title")));
        Optional<Person> me = people.me();
        if (me.isEmpty()) {
            add(new Paragraph(getTranslation("me.noEntry")));
            return;
        }
        add(new Paragraph(getTranslation("me.intro")));
        PersonForm form = new PersonForm(false);
        form.read(me.get());
        add(form);
        Button save = new Button(getTranslation("action.save"), click -> {
            if (form.validate() && Actions.run(this, () -> people.updatePerson(me.get().id(), form.value()))) {
                Notices.success(this, "me.saved");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-my-entry");
        add(new Div(save));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("me.title");
    }
}
