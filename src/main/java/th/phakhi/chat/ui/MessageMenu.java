package th.phakhi.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import th.phakhi.chat.ChatMessage;
import th.phakhi.chat.Reaction;

/**
 * The actions of a message — reply, react, edit, delete, remove — in one popover that the whole
 * room shares: built when a message's "…" is pressed, emptied when it closes. A menu per message
 * kept about ten components alive for every message on screen, in every session, unused.
 */
class MessageMenu extends Popover {

    MessageMenu() {
        setOpenOnClick(false);
        setOpenOnHover(false);
        setOpenOnFocus(false);
        setPosition(PopoverPosition.BOTTOM_END);
        addClassName("msg-menu");
        setId("message-menu");
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                removeAll();
            }
        });
    }

    void open(ChatMessage message, String targetId, boolean mine, boolean canWrite, boolean canModerate,
              MessageItem.Actions actions) {
        removeAll();
        setAriaLabel(getTranslation("chat.actions"));
        if (canWrite) {
            add(item("chat.reply", () -> actions.reply(message)));
            Div emojis = new Div();
            emojis.addClassName("emoji-row");
            for (Reaction reaction : Reaction.values()) {
                Button b = new Button(reaction.emoji(), click -> {
                    close();
                    actions.react(message, reaction);
                });
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                b.setAriaLabel(getTranslation("chat.reaction." + reaction.name()));
                emojis.add(b);
            }
            add(emojis);
        }
        if (mine && canWrite) {
            add(item("chat.edit", () -> actions.edit(message)), item("chat.delete", () -> actions.delete(message)));
        } else if (canModerate) {
            add(item("chat.remove", () -> actions.remove(message)));
        }
        // The message is HTML in the browser, not a component: the popover finds it by its id.
        setFor(targetId);
        open();
    }

    private Button item(String key, Runnable action) {
        Button button = new Button(getTranslation(key), click -> {
            close();
            action.run();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("msg-menu-item");
        return button;
    }
}
