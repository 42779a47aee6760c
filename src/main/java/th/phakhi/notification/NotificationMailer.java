package th.phakhi.notification;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.notification.internal.NotificationDocument;
import th.phakhi.notification.internal.PreferencesDocument;
import th.phakhi.security.AccountId;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.shared.i18n.Language;
import th.phakhi.shared.i18n.Messages;
import th.phakhi.shared.i18n.TranslationProvider;

/**
 * E-mail for notifications, in each person's language, to the address in their directory entry:
 * at once or in a daily digest (07:00 Thailand time), as each person chose per kind. Without an
 * SMTP server configured ({@code spring.mail.host}) nothing is sent and nothing breaks; the
 * notification screen says that e-mail is off.
 */
@Component
public class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MongoTemplate mongo;
    private final PeopleService people;
    private final AccountService accounts;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    NotificationMailer(ObjectProvider<JavaMailSender> mailSender, MongoTemplate mongo, PeopleService people,
                       AccountService accounts, Clock clock,
                       @Value("${phakhi.mail.from:Phakhi <no-reply@phakhi.local>}") String from,
                       @Value("${phakhi.base-url:http://localhost:8080}") String baseUrl) {
        this.mailSender = mailSender;
        this.mongo = mongo;
        this.people = people;
        this.accounts = accounts;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** Whether an SMTP server is configured. */
    public boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    /** Sends the immediate e-mails of freshly stored notifications (called off the request thread). */
    void sendImmediate(List<String> notificationIds) {
        if (!enabled() || notificationIds.isEmpty()) {
            return;
        }
        for (NotificationDocument doc : mongo.find(Query.query(Criteria.where("_id").in(notificationIds)),
                NotificationDocument.class)) {
            if (delivery(doc.recipient, doc.kind) != EmailDelivery.IMMEDIATE) {
                continue;
            }
            Optional<Recipient> recipient = recipient(doc.recipient);
            if (recipient.isEmpty()) {
                continue;
            }
            String text = render(doc, recipient.get().locale());
            String subject = TranslationProvider.translate("mail.subject", recipient.get().locale(), text);
            if (send(recipient.get(), subject, text + "\n\n" + link(doc) + footer(recipient.get().locale()))) {
                markEmailed(List.of(doc.id));
            }
        }
    }

    /** Once a day: one e-mail per person with what they chose to get as a digest and have not had yet. */
    @Scheduled(cron = "${phakhi.mail.digest-cron:0 0 7 * * *}", zone = "Asia/Bangkok")
    public void sendDigests() {
        if (!enabled()) {
            return;
        }
        // One node sends each day's digests: the first to claim the day.
        String day = LocalDate.now(DateFormats.THAILAND).toString();
        try {
            mongo.insert(Map.of("_id", "digest-" + day, "at", clock.instant()), "app_meta");
        } catch (DuplicateKeyException e) {
            return;
        }
        List<String> recipients = mongo.findDistinct(Query.query(Criteria.where("emailedAt").is(null)
                .and("readAt").is(null)), "recipient", NotificationDocument.class, String.class);
        for (String account : recipients) {
            sendDigest(account);
        }
    }

    void sendDigest(String account) {
        Optional<Recipient> recipient = recipient(account);
        if (recipient.isEmpty()) {
            return;
        }
        Locale locale = recipient.get().locale();
        List<NotificationDocument> pending = mongo.find(Query.query(Criteria.where("recipient").is(account)
                .and("emailedAt").is(null).and("readAt").is(null)).with(Sort.by("createdAt")).limit(100),
                NotificationDocument.class).stream()
                .filter(d -> delivery(account, d.kind) == EmailDelivery.DAILY).toList();
        if (pending.isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder(TranslationProvider.translate("mail.digest.intro", locale,
                pending.size())).append("\n\n");
        List<String> ids = new ArrayList<>();
        for (NotificationDocument doc : pending) {
            body.append("• ").append(DateFormats.dateTime(doc.createdAt, locale)).append("  ")
                    .append(render(doc, locale)).append("\n  ").append(link(doc)).append("\n");
            ids.add(doc.id);
        }
        String subject = TranslationProvider.translate("mail.digest.subject", locale, pending.size());
        if (send(recipient.get(), subject, body + footer(locale))) {
            markEmailed(ids);
        }
    }

    EmailDelivery delivery(String account, NotificationKind kind) {
        PreferencesDocument prefs = mongo.findById(account, PreferencesDocument.class);
        return prefs == null || prefs.email.get(kind.name()) == null ? kind.defaultEmail() : prefs.email.get(kind.name());
    }

    private boolean send(Recipient to, String subject, String text) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.email());
            helper.setSubject(subject);
            helper.setText(text);
            sender.send(message);
            return true;
        } catch (Exception e) {
            log.warn("E-mail to account {} failed: {}", to.account(), e.toString());
            return false;
        }
    }

    private void markEmailed(List<String> ids) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), Update.update("emailedAt", clock.instant()),
                NotificationDocument.class);
    }

    private record Recipient(String account, String email, Locale locale) {
    }

    private Optional<Recipient> recipient(String account) {
        return SystemRunner.call(() -> people.byAccount(new AccountId(account))).map(Person::email)
                .filter(email -> email != null && !email.isBlank())
                .map(email -> new Recipient(account, email, SystemRunner.call(() -> accounts.languageOf(new AccountId(account)))
                        .locale()));
    }

    private static String render(NotificationDocument doc, Locale locale) {
        return Messages.render(doc.messageKey, doc.params, locale);
    }

    private String link(NotificationDocument doc) {
        return doc.link == null ? baseUrl : baseUrl + doc.link;
    }

    private String footer(Locale locale) {
        return "\n\n--\n" + TranslationProvider.translate("mail.footer", locale, baseUrl + "notifications");
    }


}
