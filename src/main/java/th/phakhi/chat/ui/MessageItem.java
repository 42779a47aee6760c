package th.phakhi.chat.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;
import th.phakhi.chat.ChatMessage;
import th.phakhi.chat.Reaction;
import th.phakhi.shared.i18n.DateFormats;

/** One message: sender, time, quoted reply, the sanitized body, reactions and its actions. */
class MessageItem extends Div {

    interface Actions {
        void reply(ChatMessage message);

        void react(ChatMessage message, Reaction reaction);

        void edit(ChatMessage message);

        void delete(ChatMessage message);

        void remove(ChatMessage message);

        /** Opens the message's actions next to {@code target}. */
        void menu(ChatMessage message, Component target);
    }

    private final long seq;

    MessageItem(ChatMessage message, boolean mine, boolean canWrite, boolean canModerate, Actions actions) {
        this.seq = message.seq();
        addClassName("msg");
        if (mine) {
            addClassName("mine");
        }
        getElement().setAttribute("data-seq", String.valueOf(message.seq()));
        getElement().setAttribute("data-client-id", message.clientId() == null ? "" : message.clientId());
        setId("msg-" + message.seq());
        Locale locale = getLocale();

        Div head = new Div();
        head.addClassName("msg-head");
        Span sender = new Span(message.senderName());
        sender.addClassName("msg-sender");
        boolean today = message.createdAt().atZone(DateFormats.THAILAND).toLocalDate()
                .equals(java.time.LocalDate.now(DateFormats.THAILAND));
        Span time = new Span(today ? DateFormats.time(message.createdAt(), locale)
                : DateFormats.dateTime(message.createdAt(), locale));
        time.addClassName("msg-time");
        head.add(sender, time);
        if (message.edited()) {
            Span edited = new Span(getTranslation("chat.edited"));
            edited.addClassName("msg-edited");
            head.add(edited);
        }
        add(head);

        if (message.replyTo() != null) {
            Div quote = new Div(new Span(message.replyTo().senderName() + ": "), new Span(message.replyTo().excerpt()));
            quote.addClassName("msg-quote");
            add(quote);
        }
        if (message.deleted()) {
            Span deleted = new Span(message.removedByName() == null ? getTranslation("chat.deleted")
                    : getTranslation("chat.removed", message.removedByName(), message.removalReason()));
            deleted.addClassName("msg-deleted");
            add(deleted);
            return;
        }
        // The body was rendered from the Markdown subset and sanitized on the server (Markdown).
        Html body = new Html("<div class=\"msg-body\" dir=\"auto\">" + message.html() + "</div>");
        add(body);

        Div footer = new Div();
        footer.addClassName("msg-footer");
        message.reactions().forEach((code, names) -> {
            Reaction reaction = Reaction.valueOf(code);
            Button chip = new Button(reaction.emoji() + " " + names.size());
            chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            chip.addClassName("reaction");
            chip.setTooltipText(String.join(", ", names));
            chip.setEnabled(canWrite);
            chip.addClickListener(click -> actions.react(message, reaction));
            footer.add(chip);
        });
        if (canWrite || canModerate) {
            // The menu itself is built only when asked for (MessageMenu): one for the whole room.
            Button more = new Button(VaadinIcon.ELLIPSIS_DOTS_H.create());
            more.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            more.setAriaLabel(getTranslation("chat.actions"));
            more.addClassName("msg-more");
            more.addClickListener(click -> actions.menu(message, more));
            head.add(more);
        }
        if (footer.getChildren().findAny().isPresent()) {
            add(footer);
        }
    }

    long seq() {
        return seq;
    }

}
