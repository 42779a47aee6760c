package th.phakhi.chat.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import th.phakhi.chat.ChatMessage;
import th.phakhi.chat.Reaction;
import th.phakhi.shared.i18n.DateFormats;

/**
 * One message — sender, time, quoted reply, the sanitized body, reactions, a "…" for its actions —
 * as HTML built here with every text escaped, which the room inserts into the browser's list. The
 * server keeps no component per message: with thousands of screens open, each message on each
 * screen as a component cost about 2 KB of heap (decision 013). Its buttons carry
 * {@code data-action}; the room's list listens for their clicks once for all messages ({@link ChatView}).
 */
final class MessageItem {

    /** What a message's buttons and menu do; implemented once by the room. */
    interface Actions {
        void reply(ChatMessage message);

        void react(ChatMessage message, Reaction reaction);

        void edit(ChatMessage message);

        void delete(ChatMessage message);

        void remove(ChatMessage message);

        /** Opens the message's actions next to the element with id {@code targetId}. */
        void menu(ChatMessage message, String targetId);
    }

    static final String ACTION_MENU = "menu";
    static final String ACTION_REACT = "react";

    private MessageItem() {
    }

    /** The element id of the message with this sequence number. */
    static String elementId(long seq) {
        return "msg-" + seq;
    }

    /**
     * The message as HTML in the reader's language ({@code context} translates, {@code locale} formats times). Only the body — rendered
     * and sanitized by the chat service — goes in unescaped.
     */
    static String html(ChatMessage message, boolean mine, boolean canWrite, boolean canModerate, Component context,
                       Locale locale) {
        StringBuilder html = new StringBuilder(640 + message.html().length());
        html.append("<div class=\"msg").append(mine ? " mine" : "").append("\" id=\"").append(elementId(message.seq()))
                .append("\" data-seq=\"").append(message.seq()).append("\" data-client-id=\"")
                .append(esc(message.clientId())).append("\">");
        inside(html, message, canWrite, canModerate, context, locale);
        return html.append("</div>").toString();
    }

    private static void inside(StringBuilder html, ChatMessage message, boolean canWrite, boolean canModerate,
                               Component context, Locale locale) {
        boolean today = message.createdAt().atZone(DateFormats.THAILAND).toLocalDate()
                .equals(java.time.LocalDate.now(DateFormats.THAILAND));
        html.append("<div class=\"msg-head\"><span class=\"msg-sender\">").append(esc(message.senderName()))
                .append("</span><span class=\"msg-time\">")
                .append(esc(today ? DateFormats.time(message.createdAt(), locale)
                        : DateFormats.dateTime(message.createdAt(), locale))).append("</span>");
        if (message.edited()) {
            html.append("<span class=\"msg-edited\">").append(esc(context.getTranslation("chat.edited"))).append("</span>");
        }
        if (!message.deleted() && (canWrite || canModerate)) {
            String label = esc(context.getTranslation("chat.actions"));
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
                    ? context.getTranslation("chat.deleted")
                    : context.getTranslation("chat.removed", message.removedByName(), message.removalReason())))
                    .append("</span>");
            return;
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
    }

    /** The "new messages" divider, in the reader's language. */
    static String unreadDivider(Component context) {
        return "<div class=\"unread-divider\" id=\"unread-divider\"><span>"
                + esc(context.getTranslation("chat.newMessages")) + "</span></div>";
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

}
