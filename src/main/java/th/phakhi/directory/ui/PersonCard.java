package th.phakhi.directory.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import th.phakhi.directory.Organization;
import th.phakhi.directory.OrganizationType;
import th.phakhi.directory.Person;
import th.phakhi.directory.Position;
import th.phakhi.shared.ui.Tag;

/** A person: name, position, organization, what they do, and contact details if they are visible. */
class PersonCard extends Div {

    /**
     * @param organization the person's organization, or null when the card is shown on its own page
     * @param type the organization's type, for the leader's title (นายกเทศมนตรี, นายก อบต., …)
     */
    PersonCard(Person person, Organization organization, OrganizationType type) {
        addClassNames("card", "person-card");
        Span name = new Span(person.fullName());
        name.addClassName("card-title");
        String title = person.position() == Position.LEADER && type != null
                ? getTranslation(type.leaderKey()) : getTranslation(person.position().nameKey());
        String position = title + (person.positionDetail() == null ? "" : " · " + person.positionDetail());
        Span meta = new Span(position);
        meta.addClassName("card-meta");
        add(name, meta);
        if (organization != null) {
            Anchor link = new Anchor("organizations/" + organization.id().value(), organization.name(getLocale()));
            link.addClassName("org-link");
            add(new Div(link));
        }
        Div tags = new Div();
        tags.addClassName("card-tags");
        person.responsibilities().forEach(t -> tags.add(new Tag(t, Tag.Tone.NEUTRAL)));
        person.expertise().forEach(t -> tags.add(new Tag(t, Tag.Tone.PRIMARY)));
        if (tags.getChildren().findAny().isPresent()) {
            add(tags);
        }
        Div contact = new Div();
        contact.addClassName("contact");
        if (person.contactHidden()) {
            Span hidden = new Span(getTranslation("person.contact.hidden"));
            hidden.addClassName("muted");
            contact.add(hidden);
        } else {
            if (person.phone() != null) {
                contact.add(new Anchor("tel:" + person.phone().replaceAll("[^0-9+]", ""), VaadinIcon.PHONE.create(),
                        new Span(person.phone())));
            }
            if (person.email() != null) {
                contact.add(new Anchor("mailto:" + person.email(), VaadinIcon.ENVELOPE.create(), new Span(person.email())));
            }
            if (person.lineId() != null) {
                contact.add(new Span(getTranslation("person.contact.line", person.lineId())));
            }
        }
        add(contact);
    }
}
