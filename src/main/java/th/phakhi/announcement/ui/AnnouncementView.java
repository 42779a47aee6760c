package th.phakhi.announcement.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import th.phakhi.announcement.Acknowledgement;
import th.phakhi.announcement.Announcement;
import th.phakhi.announcement.AnnouncementAccess;
import th.phakhi.announcement.AnnouncementId;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.announcement.Category;
import th.phakhi.announcement.Reply;
import th.phakhi.realtime.LiveEvents;

import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.ui.Actions;
import th.phakhi.shared.ui.Notices;
import th.phakhi.shared.ui.Routes;
import th.phakhi.shared.ui.Tag;
import th.phakhi.workinggroup.WorkingGroupService;

/**
 * One announcement: the text, links, the organization's "รับทราบ" button, replies; for the
 * secretariat, who has acknowledged (live), reminders, CSV export, editing and pinning.
 */
@Route("announcements/:announcementId")
@PermitAll
class AnnouncementView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AnnouncementService announcements;
    private final AnnouncementAccess access;
    private final WorkingGroupService groups;
    private final LiveEvents live;
    private AnnouncementId id;
    private Announcement announcement;
    private LiveEvents.Subscription subscription;
    private final Div acknowledgements = new Div();
    private final Div replies = new Div();

    AnnouncementView(AnnouncementService announcements, AnnouncementAccess access, WorkingGroupService groups,
                     LiveEvents live) {
        this.announcements = announcements;
        this.access = access;
        this.groups = groups;
        this.live = live;
        addClassName("page");
        setId("announcement");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = new AnnouncementId(event.getRouteParameters().get("announcementId").orElse(""));
        if (Routes.loadOrNotFound(event, () -> announcement = announcements.find(id))) {
            render();
        }
    }

    private void render() {
        removeAll();
        Announcement a = announcement;
        Anchor back = new Anchor("networks/" + a.networkId().value() + "/announcements",
                getTranslation("announcement.title"));
        back.addClassName("back-link");
        H2 title = new H2(a.title());
        title.setId("announcement-heading");
        Div tags = new Div(new Tag(getTranslation(a.category().nameKey()),
                a.category() == Category.URGENT ? Tag.Tone.ERROR : Tag.Tone.PRIMARY));
        tags.addClassName("card-tags");
        if (a.isPublic()) {
            tags.add(new Tag(getTranslation("announcement.public"), Tag.Tone.NEUTRAL));
        }
        if (!a.published()) {
            tags.add(new Tag(getTranslation("announcement.scheduledFor", DateFormats.dateTime(a.publishAt(), getLocale())),
                    Tag.Tone.WARNING));
        }
        Span meta = new Span(a.authorName() + " · " + DateFormats.dateTime(a.publishAt(), getLocale())
                + (a.editedAt() == null ? "" : " · " + getTranslation("chat.edited")));
        meta.addClassName("muted");
        add(back, title, tags, meta);
        // Rendered from the Markdown subset and sanitized on the server (shared.text.Markdown).
        add(new Html("<div class=\"announcement-body\" dir=\"auto\">" + a.html() + "</div>"));
        if (!a.links().isEmpty()) {
            UnorderedList links = new UnorderedList();
            a.links().forEach(l -> {
                Anchor link = new Anchor(l.url(), l.label() == null ? l.url() : l.label());
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                links.add(new ListItem(link));
            });
            add(links);
        }
        add(ackBar());
        if (access.canManage(id)) {
            add(managePanel());
        }
        add(new H3(getTranslation("announcement.replies")));
        replies.setId("replies");
        add(replies, replyBox());
        refreshReplies();
    }

    private Div ackBar() {
        Div bar = new Div();
        bar.addClassName("actions");
        bar.setId("ack-bar");
        Announcement a = announcement;
        if (!a.acknowledgementRequired()) {
            return bar;
        }
        if (a.acknowledgedByMyOrganization()) {
            bar.add(new Tag(getTranslation("announcement.acknowledgedByUs"), Tag.Tone.SUCCESS));
        } else if (a.canAcknowledge()) {
            Button ack = new Button(getTranslation("announcement.acknowledge"), VaadinIcon.CHECK.create(), e -> {
                if (Actions.run(this, () -> announcements.acknowledge(id))) {
                    Notices.success(this, "announcement.acknowledge.done");
                    reload();
                }
            });
            ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_LARGE);
            ack.setId("acknowledge");
            bar.add(ack);
        } else {
            bar.add(new Tag(getTranslation("announcement.ackByRepresentatives"), Tag.Tone.WARNING));
        }
        return bar;
    }

    private Div managePanel() {
        Div panel = new Div();
        panel.addClassNames("card", "manage-panel");
        Div actions = new Div();
        actions.addClassName("actions");
        Button edit = new Button(getTranslation("announcement.edit"), VaadinIcon.EDIT.create(), e ->
                new ComposeDialog(announcement, groups.groupsOf(announcement.networkId()), form -> {
                    boolean ok = Actions.run(this, () -> announcements.update(id, form));
                    if (ok) {
                        reload();
                    }
                    return ok;
                }).open());
        Button pin = new Button(getTranslation(announcement.pinned() ? "announcement.unpin" : "announcement.pin"),
                VaadinIcon.PIN.create(), e -> {
                    if (Actions.run(this, () -> announcements.setPinned(id, !announcement.pinned()))) {
                        reload();
                    }
                });
        actions.add(edit, pin);
        if (announcement.acknowledgementRequired()) {
            Button remind = new Button(getTranslation("announcement.remind"), VaadinIcon.BELL.create(), e ->
                    Actions.call(this, () -> announcements.remind(id)).ifPresent(count ->
                            Notices.success(this, "announcement.reminded", count)));
            remind.setId("remind");
            Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(announcements.acknowledgementsCsv(id, getLocale())
                            .getBytes(StandardCharsets.UTF_8)), "acknowledgements.csv", "text/csv", -1)),
                    getTranslation("announcement.exportCsv"));
            csv.setId("export-csv");
            actions.add(remind, csv);
        }
        panel.add(actions);
        if (announcement.acknowledgementRequired()) {
            acknowledgements.setId("acknowledgements");
            panel.add(acknowledgements);
            refreshAcknowledgements();
        }
        return panel;
    }

    private void refreshAcknowledgements() {
        acknowledgements.removeAll();
        List<Acknowledgement> list = announcements.acknowledgements(id);
        long done = list.stream().filter(Acknowledgement::acknowledged).count();
        Span summary = new Span(getTranslation("announcement.ackSummary", done, list.size()));
        summary.addClassName("ack-summary");
        summary.setId("ack-summary");
        acknowledgements.add(summary);
        UnorderedList rows = new UnorderedList();
        rows.addClassName("ack-list");
        for (Acknowledgement a : list) {
            ListItem row = new ListItem();
            row.add(new Span(a.organization().name(getLocale())), new Span(" "));
            row.add(a.acknowledged()
                    ? new Tag(getTranslation("announcement.ackAt", DateFormats.dateTime(a.at(), getLocale()),
                    a.byName()), Tag.Tone.SUCCESS)
                    : new Tag(getTranslation("announcement.notYet"), Tag.Tone.WARNING));
            rows.add(row);
        }
        acknowledgements.add(rows);
    }

    private Div replyBox() {
        TextArea text = new TextArea();
        text.setPlaceholder(getTranslation("announcement.reply.placeholder"));
        text.setAriaLabel(getTranslation("announcement.reply.placeholder"));
        text.setMaxLength(AnnouncementService.MAX_REPLY);
        text.setWidthFull();
        Button send = new Button(getTranslation("announcement.reply.send"), e -> {
            if (Actions.run(this, () -> announcements.reply(id, text.getValue()))) {
                text.clear();
                refreshReplies();
            }
        });
        Div box = new Div(text, send);
        box.addClassName("composer-row");
        return box;
    }

    private void refreshReplies() {
        replies.removeAll();
        List<Reply> list = announcements.replies(id);
        if (list.isEmpty()) {
            replies.add(new Paragraph(getTranslation("announcement.reply.none")));
        }
        for (Reply r : list) {
            Div card = new Div();
            card.addClassName("reply");
            Span who = new Span(r.authorName() + " · " + r.organizationName() + " · "
                    + DateFormats.dateTime(r.at(), getLocale()));
            who.addClassName("card-meta");
            Paragraph body = new Paragraph(r.text());
            body.addClassName("pre-line");
            card.add(who, body);
            replies.add(card);
        }
    }

    private void reload() {
        announcement = announcements.find(id);
        render();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (announcement == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        subscription = live.subscribe(AnnouncementService.topic(announcement.networkId()), event -> {
            if (id.value().equals(event.subject())) {
                ui.access(() -> {
                    switch (event.type()) {
                        case "acknowledged" -> {
                            if (access.canManage(id)) {
                                refreshAcknowledgements();
                            }
                        }
                        case "reply" -> refreshReplies();
                        case "announcement-updated" -> reload();
                        default -> {
                        }
                    }
                });
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public String getPageTitle() {
        return announcement == null ? getTranslation("announcement.title") : announcement.title();
    }
}
