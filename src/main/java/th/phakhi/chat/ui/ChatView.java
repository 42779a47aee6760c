package th.phakhi.chat.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import th.phakhi.chat.ChatAccess;
import th.phakhi.chat.ChatEvents;
import th.phakhi.chat.ChatMessage;
import th.phakhi.chat.ChatService;
import th.phakhi.chat.Presence;
import th.phakhi.chat.Reaction;
import th.phakhi.chat.Room;
import th.phakhi.chat.RoomId;
import th.phakhi.chat.RoomMember;
import th.phakhi.realtime.LiveEvent;
import th.phakhi.realtime.LiveEvents;
import th.phakhi.security.CurrentUser;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Dialogs;
import th.phakhi.shared.ui.Notices;

/**
 * A chat room. Opens on the newest messages with a divider where the reader stopped; older ones
 * load on request; new ones arrive live from every app node; after any gap (reconnect, node
 * restart) it asks the server for everything after the last message it shows, so every reader
 * sees the same order. What is typed stays in the box until the server has it.
 */
@Route("rooms/:roomId")
@PermitAll
class ChatView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ChatService chat;
    private final ChatAccess access;
    private final LiveEvents live;

    private RoomId room;
    private Room info;
    private boolean canWrite;
    private boolean canModerate;
    private String me;
    private long lastReadAtOpen;
    private boolean dividerShown;
    private Long focusSeq;

    /** Sequence number → message id of what this screen shows (the messages themselves live in the browser). */
    private final TreeMap<Long, String> shown = new TreeMap<>();
    private final Div list = new Div();
    private final Div messages = new Div();
    private final Button older = new Button();
    private final Span typing = new Span();
    private final Span online = new Span();
    private final TextArea composer = new TextArea();
    private final Button send = new Button();
    private final Div replyBar = new Div();
    private final Div suggestions = new Div();
    private final Map<String, Instant> typingSince = new LinkedHashMap<>();
    private List<RoomMember> members = List.of();
    private Long replyTo;
    private String clientId = newClientId();
    private LiveEvents.Subscription subscription;
    private Presence presence;
    private static final long READ_MARK_EVERY_NANOS = 10_000_000_000L;
    /** Messages kept on screen beyond those the reader loaded by scrolling back (a screen open for days stays small). */
    static final int MAX_LIVE_SHOWN = 200;
    private long readMarkedAt = System.nanoTime() - READ_MARK_EVERY_NANOS;
    private boolean readMarkPending;
    private int loadedOlder;
    /** The newest sequence number a live event announced; {@link #lookingAgain}: a second look is due. */
    private long wanted;
    private boolean lookingAgain;

    ChatView(ChatService chat, ChatAccess access, LiveEvents live) {
        this.chat = chat;
        this.access = access;
        this.live = live;
        addClassName("chat");
        setId("chat");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<RoomId> parsed = RoomId.parse(event.getRouteParameters().get("roomId").orElse(""));
        try {
            room = parsed.orElseThrow(() -> new UserFacingException("error.notFound"));
            info = chat.room(room);
        } catch (AccessDeniedException | UserFacingException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        focusSeq = event.getLocation().getQueryParameters().getSingleParameter("seq").map(s -> {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
        me = CurrentUser.require().accountId().value();
        canWrite = access.canWrite(room);
        canModerate = access.canModerate(room);
        lastReadAtOpen = chat.lastRead(room);
        members = chat.members(room);
        build();
        load();
    }

    private void build() {
        removeAll();
        H2 title = new H2(info.name());
        title.setId("room-title");
        Span network = new Span(info.id().isNetworkRoom() ? getTranslation("chat.generalRoom")
                : info.networkName(getLocale()));
        network.addClassName("muted");
        online.addClassName("online");
        online.setId("online");
        Anchor back = new Anchor("rooms", getTranslation("chat.allRooms"));
        back.addClassName("back-link");
        Div header = new Div(back, title, network, online);
        header.addClassName("chat-header");

        older.setText(getTranslation("chat.older"));
        older.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        older.addClickListener(e -> loadOlder());
        older.setId("load-older");
        messages.addClassName("chat-messages");
        messages.setId("messages");
        list.addClassName("chat-list");
        messages.add(older, list);
        listenToMessageButtons();
        // Scrolling to the top loads older messages, as in any chat app.
        messages.getElement().executeJs("""
                this.addEventListener('scroll', () => {
                  const more = this.querySelector('#load-older');
                  if (this.scrollTop < 40 && more && !more.hidden && !this._loading) {
                    this._loading = true; this._prevHeight = this.scrollHeight; more.click();
                    setTimeout(() => this._loading = false, 800);
                  }
                });""");

        typing.addClassName("typing");
        typing.setId("typing");
        replyBar.addClassName("reply-bar");
        replyBar.setVisible(false);
        suggestions.addClassName("mention-suggestions");
        suggestions.setVisible(false);

        composer.setPlaceholder(getTranslation(canWrite ? "chat.placeholder" : "chat.readOnly"));
        composer.setAriaLabel(getTranslation("chat.placeholder"));
        composer.setMaxLength(ChatService.MAX_BODY + 500); // a little over, so the server says how much too long
        composer.setEnabled(canWrite);
        composer.setId("composer");
        composer.setMinRows(1);
        composer.setMaxRows(6);
        composer.setValueChangeMode(ValueChangeMode.TIMEOUT);
        composer.setValueChangeTimeout(700);
        composer.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                typed();
            }
        });
        send.setIcon(VaadinIcon.PAPERPLANE.create());
        send.setAriaLabel(getTranslation("chat.send"));
        send.setTooltipText(getTranslation("chat.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setEnabled(canWrite);
        send.setId("send");
        send.addClickListener(e -> sendMessage());
        send.addClickShortcut(Key.ENTER).listenOn(composer).setEventPropagationAllowed(false);
        // Enter sends; Shift+Enter (a shortcut with another modifier) makes a new line.
        // While the connection is down the click waits in the browser; show the message as "sending".
        send.getElement().executeJs("""
                const button = this;
                button.addEventListener('click', () => {
                  const area = document.getElementById('composer');
                  const text = area && area.value ? area.value.trim() : '';
                  if (!text) return;
                  const pending = document.createElement('div');
                  pending.className = 'msg mine pending';
                  pending.textContent = text;
                  const note = document.createElement('div');
                  note.className = 'pending-note';
                  note.textContent = $0;
                  pending.appendChild(note);
                  const list = document.querySelector('#messages .chat-list');
                  if (list) { list.appendChild(pending); list.parentElement.scrollTop = list.parentElement.scrollHeight; }
                });""", getTranslation("chat.sending"));
        Div input = new Div(composer, send);
        input.addClassName("composer-row");
        Div composerBox = new Div(replyBar, suggestions, typing, input);
        composerBox.addClassName("composer");
        add(header, messages, composerBox);
    }

    private void load() {
        shown.clear();
        list.getElement().executeJs("this.innerHTML = ''");
        dividerShown = false;
        List<ChatMessage> page = focusSeq != null ? chat.around(room, focusSeq) : chat.latest(room, ChatService.PAGE);
        appendAll(page);
        older.setVisible(!shown.isEmpty() && shown.firstKey() > 1);
        if (focusSeq != null && shown.containsKey(focusSeq)) {
            list.getElement().executeJs("const m = this.querySelector('#' + $0);"
                    + " if (m) { m.classList.add('focused'); m.scrollIntoView({block: 'center'}); }",
                    MessageItem.elementId(focusSeq));
        } else {
            scrollToBottom();
        }
        markRead();
    }

    private void loadOlder() {
        if (shown.isEmpty()) {
            return;
        }
        List<ChatMessage> page = chat.before(room, shown.firstKey(), ChatService.PAGE);
        StringBuilder html = new StringBuilder();
        for (ChatMessage m : page) {
            if (!shown.containsKey(m.seq())) {
                shown.put(m.seq(), m.id());
                html.append(html(m));
                loadedOlder++;
            }
        }
        list.getElement().executeJs("this.insertAdjacentHTML('afterbegin', $0)", html.toString());
        older.setVisible(!shown.isEmpty() && shown.firstKey() > 1);
        // Keep the message the reader was looking at in place.
        messages.getElement().executeJs("if (this._prevHeight) { this.scrollTop = this.scrollHeight - this._prevHeight;"
                + " this._prevHeight = 0; }");
    }

    /**
     * Adds or replaces a message in sequence order; draws the "new messages" divider once. The
     * message is HTML inserted into the browser's list: the server keeps only its number and id,
     * so a screen costs the same however many messages it shows (decision 013).
     */
    private void showMessage(ChatMessage message) {
        if (!shown.isEmpty() && message.seq() < shown.firstKey()) {
            return; // older than the screen keeps (let go to stay small): "older messages" brings it back
        }
        Element items = list.getElement();
        String html = html(message);
        if (shown.put(message.seq(), message.id()) != null) {
            items.executeJs("const m = this.querySelector('#' + $0); if (m) m.outerHTML = $1;",
                    MessageItem.elementId(message.seq()), html);
            return;
        }
        Long next = shown.higherKey(message.seq());
        if (next != null) {
            items.executeJs("const n = this.querySelector('#' + $0);"
                    + " if (n) n.insertAdjacentHTML('beforebegin', $1); else this.insertAdjacentHTML('beforeend', $1);",
                    MessageItem.elementId(next), html);
            return;
        }
        items.executeJs("this.insertAdjacentHTML('beforeend', $0)", dividerBefore(message) + html);
        trim();
    }

    /** Messages after everything shown, in order, in one go (opening the room). */
    private void appendAll(List<ChatMessage> page) {
        StringBuilder html = new StringBuilder();
        for (ChatMessage message : page) {
            if (shown.put(message.seq(), message.id()) == null) {
                html.append(dividerBefore(message)).append(html(message));
            }
        }
        list.getElement().executeJs("this.insertAdjacentHTML('beforeend', $0)", html.toString());
        trim();
    }

    /** The "new messages" divider, once, before the first message that came after the reader stopped. */
    private String dividerBefore(ChatMessage message) {
        if (dividerShown || message.seq() <= lastReadAtOpen || lastReadAtOpen == 0
                || message.senderAccountId().equals(me) || shown.size() <= 1) {
            return "";
        }
        dividerShown = true;
        return MessageItem.unreadDivider(this);
    }

    /** The oldest go beyond the live limit (plus what the reader scrolled back to); "older messages" brings them back. */
    private void trim() {
        List<String> gone = new ArrayList<>();
        while (shown.size() > MAX_LIVE_SHOWN + loadedOlder) {
            gone.add(MessageItem.elementId(shown.pollFirstEntry().getKey()));
        }
        if (!gone.isEmpty()) {
            list.getElement().executeJs("for (const id of $0.split(',')) { const m = this.querySelector('#' + id);"
                    + " if (m) m.remove(); }", String.join(",", gone));
            older.setVisible(true);
        }
    }

    private String html(ChatMessage message) {
        return MessageItem.html(message, message.senderAccountId().equals(me), canWrite, canModerate, this, getLocale());
    }

    private static final String CLICKED_ACTION = "event.target.closest('[data-action]')?.dataset.action";
    private static final String CLICKED_REACTION = "event.target.closest('[data-action]')?.dataset.reaction";
    private static final String CLICKED_MESSAGE = "event.target.closest('.msg')?.dataset.seq";

    /** One listener for the buttons of every message (they are HTML inside each message, see MessageItem). */
    private void listenToMessageButtons() {
        list.getElement().addEventListener("click", event -> {
            String action = text(event.getEventData().get(CLICKED_ACTION));
            Long seq = seqOf(text(event.getEventData().get(CLICKED_MESSAGE)));
            String id = seq == null ? null : shown.get(seq);
            if (action == null || id == null) {
                return;
            }
            // The message as it is now (it may have been edited or reacted to since it was drawn).
            Optional<ChatMessage> message = Actions.call(this, () -> chat.message(room, id)).flatMap(m -> m);
            if (message.isEmpty()) {
                return;
            }
            switch (action) {
                case MessageItem.ACTION_MENU -> messageActions.menu(message.get(), MessageItem.elementId(seq));
                case MessageItem.ACTION_REACT -> reactionNamed(text(event.getEventData().get(CLICKED_REACTION)))
                        .ifPresent(reaction -> messageActions.react(message.get(), reaction));
                default -> {
                }
            }
        }).addEventData(CLICKED_ACTION).addEventData(CLICKED_REACTION).addEventData(CLICKED_MESSAGE)
                .setFilter("event.target.closest('[data-action]') != null");
    }

    private static Long seqOf(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Optional<Reaction> reactionNamed(String name) {
        return Arrays.stream(Reaction.values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** What a message's actions do; one for every message of the room. */
    private final MessageItem.Actions messageActions = new MessageItem.Actions() {
        @Override
        public void reply(ChatMessage m) {
            startReply(m);
        }

        @Override
        public void react(ChatMessage m, Reaction reaction) {
            Actions.run(ChatView.this, () -> chat.react(room, m.seq(), reaction));
        }

        @Override
        public void edit(ChatMessage m) {
            openEdit(m);
        }

        @Override
        public void delete(ChatMessage m) {
            Dialogs.confirm(ChatView.this, "chat.delete", getTranslation("chat.delete.confirm"), "chat.delete", true,
                    () -> Actions.run(ChatView.this, () -> chat.delete(room, m.seq())));
        }

        @Override
        public void remove(ChatMessage m) {
            Dialogs.askText(ChatView.this, "chat.remove", "chat.remove.prompt", "chat.remove.reason", "chat.remove",
                    true, 500, reason -> Actions.run(ChatView.this, () -> chat.remove(room, m.seq(), reason)));
        }

        @Override
        public void menu(ChatMessage m, String targetId) {
            if (messageMenu == null) {
                messageMenu = new MessageMenu();
                add(messageMenu);
            }
            messageMenu.open(m, targetId, m.senderAccountId().equals(me), canWrite, canModerate, this);
        }
    };
    private MessageMenu messageMenu;

    // ---------------------------------------------------------------- composing

    private void sendMessage() {
        String text = composer.getValue();
        if (text == null || text.isBlank()) {
            clearPending();
            return;
        }
        Optional<ChatMessage> sent = Actions.call(this, () -> chat.send(room, clientId, text, replyTo));
        clearPending();
        if (sent.isPresent()) {
            composer.clear();
            clientId = newClientId();
            cancelReply();
            suggestions.setVisible(false);
            catchUp();
            scrollToBottom();
        }
        composer.focus();
    }

    private void typed() {
        String value = composer.getValue();
        if (!value.isBlank()) {
            Actions.run(this, () -> chat.typing(room));
        }
        showSuggestions(value);
    }

    /** After "@" and a few letters, offers the room's members; choosing one completes the name. */
    private void showSuggestions(String value) {
        suggestions.removeAll();
        int at = value.lastIndexOf('@');
        if (at < 0 || value.substring(at).contains(" ") || value.length() - at > 30) {
            suggestions.setVisible(false);
            return;
        }
        String typedName = value.substring(at + 1);
        members.stream()
                .filter(m -> !m.accountId().equals(me) && m.shortName().startsWith(typedName))
                .limit(6)
                .forEach(m -> {
                    Button choice = new Button("@" + m.shortName(), click -> {
                        composer.setValue(value.substring(0, at) + "@" + m.shortName() + " ");
                        suggestions.setVisible(false);
                        composer.focus();
                    });
                    choice.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    choice.addClassName("mention-choice");
                    suggestions.add(choice);
                });
        suggestions.setVisible(suggestions.getChildren().findAny().isPresent());
    }

    private void startReply(ChatMessage message) {
        replyTo = message.seq();
        replyBar.removeAll();
        Span text = new Span(getTranslation("chat.replyingTo", message.senderName(),
                message.text() == null ? "" : message.text().length() > 80 ? message.text().substring(0, 80) + "…"
                        : message.text()));
        Button cancel = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> cancelReply());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        cancel.setAriaLabel(getTranslation("action.cancel"));
        replyBar.add(text, cancel);
        replyBar.setVisible(true);
        composer.focus();
    }

    private void cancelReply() {
        replyTo = null;
        replyBar.removeAll();
        replyBar.setVisible(false);
    }

    private void openEdit(ChatMessage message) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("chat.edit"));
        dialog.setWidth("min(600px, 96vw)");
        TextArea text = new TextArea();
        text.setWidthFull();
        text.setValue(message.text());
        text.setAriaLabel(getTranslation("chat.edit"));
        dialog.add(text);
        Button save = new Button(getTranslation("action.save"), e -> {
            if (Actions.run(this, () -> chat.edit(room, message.seq(), text.getValue()))) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    // ---------------------------------------------------------------- live

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (room == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        // Only what changes this screen takes its lock; joins and leaves come through the presence board.
        subscription = live.subscribe(room.topic(), event -> {
            if (!ChatEvents.PRESENCE_JOIN.equals(event.type()) && !ChatEvents.PRESENCE_LEAVE.equals(event.type())) {
                ui.access(() -> onLive(event));
            }
        });
        Actions.call(this, () -> chat.enter(room, now -> {
                    try {
                        ui.access(() -> showOnline(now));
                    } catch (UIDetachedException e) {
                        // the screen is gone; its presence closes on detach
                    }
                }))
                .ifPresent(p -> {
                    presence = p;
                    showOnline(p.online());
                });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (presence != null) {
            presence.close();
            presence = null;
        }
        if (readMarkPending) {
            try {
                markRead();
            } catch (RuntimeException ignored) {
                // signed out or the session ended: the mark stays a few seconds behind
            }
        }
    }

    private void onLive(LiveEvent event) {
        switch (event.type()) {
            case ChatEvents.MESSAGE -> {
                wanted = Math.max(wanted, event.seq());
                // A message shown already (this screen sent it and caught up at once) needs nothing.
                if (shown.isEmpty() || event.seq() > shown.lastKey()) {
                    if (event.payload() instanceof ChatMessage m && !shown.isEmpty() && m.seq() == shown.lastKey() + 1
                            && m.seq() == wanted) {
                        // Sent through this node and next in order: shown as it came, without reading the
                        // database (a room open on thousands of screens would read it thousands of times).
                        showMessage(m);
                        scrollToBottomIfNear();
                        markReadSoon();
                    } else {
                        catchUpUntilWanted();
                    }
                }
                typingSince.clear();
                showTyping();
            }
            case ChatEvents.UPDATE -> chat.message(room, event.subject()).ifPresent(m -> {
                // A change to a message not caught up on yet comes with the catch-up, in order.
                if (!shown.isEmpty() && m.seq() <= shown.lastKey()) {
                    showMessage(m);
                } else {
                    wanted = Math.max(wanted, m.seq());
                    catchUpUntilWanted();
                }
            });
            case ChatEvents.TYPING -> {
                if (!me.equals(event.subject())) {
                    typingSince.put(event.data().getOrDefault("name", ""), event.at());
                    showTyping();
                }
            }
            case ChatEvents.ACCESS -> {
                if (!access.canRead(room)) {
                    Notices.error(this, "chat.accessLost");
                    getUI().ifPresent(ui -> ui.navigate("rooms"));
                } else {
                    canWrite = access.canWrite(room);
                    composer.setEnabled(canWrite);
                    send.setEnabled(canWrite);
                }
            }
            case LiveEvent.RESYNC -> catchUpUntilWanted();
            default -> {
            }
        }
    }

    /**
     * Catches up; when it stops short of the newest message announced (one numbered but not
     * stored yet — see {@code ChatService.after}), looks again shortly until it is there.
     */
    private void catchUpUntilWanted() {
        catchUp();
        if ((shown.isEmpty() || shown.lastKey() < wanted) && !lookingAgain) {
            lookingAgain = true;
            UI ui = UI.getCurrent();
            Thread.ofVirtual().name("chat-view-look-again").start(() -> {
                try {
                    Thread.sleep(300);
                    ui.access(() -> {
                        lookingAgain = false;
                        if (subscription != null) {
                            catchUpUntilWanted();
                        }
                    });
                } catch (InterruptedException | com.vaadin.flow.component.UIDetachedException e) {
                    // the screen is gone
                }
            });
        }
    }

    /** Everything after the newest message shown, in the room's order. */
    private void catchUp() {
        long after = shown.isEmpty() ? 0 : shown.lastKey();
        List<ChatMessage> missed = chat.after(room, after);
        missed.forEach(this::showMessage);
        if (!missed.isEmpty()) {
            scrollToBottomIfNear();
            markReadSoon();
        }
    }

    private void showTyping() {
        Instant cutoff = Instant.now().minusSeconds(6);
        typingSince.values().removeIf(t -> t.isBefore(cutoff));
        typing.setText(typingSince.isEmpty() ? "" : getTranslation("chat.typing", String.join(", ", typingSince.keySet())));
    }

    private void showOnline(Presence.Online now) {
        String names = String.join(", ", now.names());
        online.setText(now.count() == 0 ? ""
                : now.others() > 0 ? getTranslation("chat.onlineMore", now.count(), names, now.others())
                : getTranslation("chat.online", now.count(), names));
    }

    private void markRead() {
        if (!shown.isEmpty()) {
            long last = shown.lastKey();
            readMarkedAt = System.nanoTime();
            readMarkPending = false;
            Actions.run(this, () -> chat.markRead(room, last));
        }
    }

    /**
     * Marks what arrived live as read at most every {@link #READ_MARK_EVERY_NANOS}; the rest on
     * leaving the room (one write per screen per message would be thousands a second in a busy room).
     */
    private void markReadSoon() {
        if (System.nanoTime() - readMarkedAt >= READ_MARK_EVERY_NANOS) {
            markRead();
        } else {
            readMarkPending = true;
        }
    }

    private void clearPending() {
        list.getElement().executeJs("this.querySelectorAll('.pending').forEach(e => e.remove())");
    }

    private void scrollToBottom() {
        messages.getElement().executeJs("requestAnimationFrame(() => this.scrollTop = this.scrollHeight)");
    }

    private void scrollToBottomIfNear() {
        messages.getElement().executeJs(
                "if (this.scrollHeight - this.scrollTop - this.clientHeight < 400) requestAnimationFrame(() => this.scrollTop = this.scrollHeight)");
    }

    private static String newClientId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String getPageTitle() {
        return info == null ? getTranslation("chat.title") : info.name();
    }
}
