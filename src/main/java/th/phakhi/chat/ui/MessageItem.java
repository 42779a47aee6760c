package th.phakhi.chat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import th.phakhi.chat.ChatMessage;
import th.phakhi.chat.Reaction;
import th.phakhi.shared.i18n.DateFormats;

/**
 * One message — sender, time, quoted reply, the sanitized body, reactions, a "…" for its actions —
 * as a single element whose inside is HTML built here, with every text escaped. A screen holds
 * hundreds of messages and every server-side component costs a state node: one per message
 * instead of about ten (decision 013). Its buttons carry {@code data-action}; the room's list
 * listens for their clicks once for all messages ({@link ChatView}).
 */
class MessageItem extends Div {

    /** What a message's buttons and menu do; implemented once by the room. */
    interface Actions {
        void reply(ChatMessage message);

        void react(ChatMessage message, Reaction reaction);

        void edit(ChatMessage message);

        void delete(ChatMessage message);

        void remove(ChatMessage message);

        /** Opens the message's actions next to {@code target}. */
        void menu(ChatMessage message, Component target);
    }

    static final String ACTION_MENU = "menu";
    static final String ACTION_REACT = "react";

    private final long seq;
    private final String messageId;

    MessageItem(ChatMessage message, boolean mine, boolean canWrite, boolean canModerate) {
        this.seq = message.seq();
        this.messageId = message.id();
        addClassName("msg");
        if (mine) {
            addClassName("mine");
        }
        getElement().setAttribute("data-seq", String.valueOf(message.seq()));
        getElement().setAttribute("data-client-id", message.clientId() == null ? "" : message.clientId());
        setId("msg-" + message.seq());
        getElement().setProperty("innerHTML", html(message, canWrite, canModerate));
    }

    private String html(ChatMessage message, boolean canWrite, boolean canModerate) {
        Locale locale = getLocale();
        StringBuilder html = new StringBuilder(512 + message.html().length());
        boolean today = message.createdAt().atZone(DateFormats.THAILAND).toLocalDate()
                .equals(java.time.LocalDate.now(DateFormats.THAILAND));
        html.append("<div class=\"msg-head\"><span class=\"msg-sender\">").append(esc(message.senderName()))
                .append("</span><span class=\"msg-time\">")
                .append(esc(today ? DateFormats.time(message.createdAt(), locale)
                        : DateFormats.dateTime(message.createdAt(), locale))).append("</span>");
        if (message.edited()) {
            html.append("<span class=\"msg-edited\">").append(esc(getTranslation("chat.edited"))).append("</span>");
        }
        if (!message.deleted() && (canWrite || canModerate)) {
            String label = esc(getTranslation("chat.actions"));
            html.append("<button type=\"button\" class=\"msg-more\" data-action=\"").append(ACTION_MENU)
                    .append("\" aria-label=\"").append(label).append("\" title=\"").append(label)
                    .append("\"><vaadin-icon icon=\"vaadin:ellipsis-dots-h\"></vaadin-icon></button>");
        }
        html.append("</div>");
        if (message.replyTo() != null) {
            html.append("<div class=\"msg-quote\"><span>").append(esc(message.replyTo().senderName()))
                    .append(": </span><span>").append(esc(message.replyTo().excerpt())).append("</span></div>");
        }
        if (message.deleted()) {
            html.append("<span class=\"msg-deleted\">").append(esc(message.removedByName() == null
                    ? getTranslation("chat.deleted")
                    : getTranslation("chat.removed", message.removedByName(), message.removalReason())))
                    .append("</span>");
            return html.toString();
        }
        // The body was rendered from the Markdown subset and sanitized on the server (Markdown).
        html.append("<div class=\"msg-body\" dir=\"auto\">").append(message.html()).append("</div>");
        Map<String, List<String>> reactions = message.reactions();
        if (!reactions.isEmpty()) {
            html.append("<div class=\"msg-footer\">");
            for (Reaction reaction : Reaction.values()) {
                List<String> names = reactions.get(reaction.name());
                if (names == null || names.isEmpty()) {
                    continue;
                }
                html.append("<button type=\"button\" class=\"reaction\" data-action=\"").append(ACTION_REACT)
                        .append("\" data-reaction=\"").append(reaction.name()).append("\" title=\"")
                        .append(esc(String.join(", ", names))).append('"').append(canWrite ? "" : " disabled")
                        .append('>').append(reaction.emoji()).append(' ').append(names.size()).append("</button>");
            }
            html.append("</div>");
        }
        return html.toString();
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    long seq() {
        return seq;
    }

    String messageId() {
        return messageId;
    }
}
