package th.phakhi.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.directory.ContactVisibility;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.NewPerson;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.directory.PersonId;
import th.phakhi.directory.Position;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.notification.Notification;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.Link;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.i18n.DateFormats;
import th.phakhi.support.MovableClock;
import th.phakhi.support.Permissions;
import th.phakhi.support.TestUsers;

/**
 * Trainings: who may do what, recurrence across a year and a moved occurrence, registration under
 * contention, the waiting list, reminders once, check-in, attendance, reviews, certificates,
 * calendar feeds and bad input — on the demo data, with a clock the test can move.
 */
@SpringBootTest(properties = {"phakhi.test.context=trainings", "phakhi.trainings.reminder-initial-delay=PT1H"})
@ActiveProfiles("test")
@Import(MovableClock.Config.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingServiceTest {

    @Autowired
    TrainingService trainings;
    @Autowired
    RegistrationService registrations;
    @Autowired
    ReviewService reviews;
    @Autowired
    CalendarService calendars;
    @Autowired
    CertificateService certificates;
    @Autowired
    NetworkService networks;
    @Autowired
    AccountService accounts;
    @Autowired
    PeopleService people;
    @Autowired
    DirectoryService directory;
    @Autowired
    NotificationService notifications;
    @Autowired
    MovableClock clock;
    @Autowired
    MongoTemplate mongo;

    NetworkId chiangMai;

    // anonymous; somsak (outside every network); rattana (Khon Kaen only); anucha (Chiang Mai member);
    // kamonwan (Chiang Mai secretariat); wichai (Chiang Mai secretary-general); admin (platform)
    static final List<String> ACTORS = List.of("anonymous", "somsak", "rattana", "anucha", "kamonwan", "wichai", "admin");
    static final LocalTime HALF_PAST_ONE = LocalTime.of(13, 30);
    static final LocalTime HALF_PAST_FOUR = LocalTime.of(16, 30);

    @BeforeEach
    void ids() {
        chiangMai = SystemRunner.call(() -> networks.browse(null, null)).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                .findFirst().orElseThrow().id();
    }

    @AfterEach
    void reset() {
        TestUsers.signOut();
        clock.reset();
    }

    private static SeriesForm form(String topic, LocalDate first, Repeat repeat, int count, Integer capacity) {
        return new SeriesForm(EventType.TRAINING, topic, "**หัวข้อ** การจัดการขยะ", List.of("ดร.สมชาย"),
                "ห้องประชุม อบจ.เชียงใหม่", "ถนนโชตนา อำเภอเมือง", "https://maps.example.org/x", null, capacity,
                first, HALF_PAST_ONE, HALF_PAST_FOUR, repeat, count, 0, 24, List.of(new Link("สไลด์", "https://example.org/s")));
    }

    /** The first Wednesday at least a week from now (a date in the future whatever day the suite runs). */
    private LocalDate nextFirstWednesday() {
        LocalDate d = LocalDate.ofInstant(clock.instant(), DateFormats.THAILAND).plusDays(7).withDayOfMonth(1).plusMonths(1);
        while (d.getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private SeriesId schedule(SeriesForm form) {
        TestUsers.signInAs(accounts, "kamonwan");
        try {
            return trainings.schedule(chiangMai, form);
        } finally {
            TestUsers.signOut();
        }
    }

    private List<Occurrence> occurrences(SeriesId id) {
        TestUsers.signInAs(accounts, "kamonwan");
        try {
            return trainings.occurrences(id);
        } finally {
            TestUsers.signOut();
        }
    }

    private Person person(String username) {
        return SystemRunner.call(() -> people.byAccount(accounts.findByUsername(username).orElseThrow().id()).orElseThrow());
    }

    private void check(String operation, Set<String> allowed, Consumer<String> call) {
        Permissions.assertMatrix(accounts, ACTORS, operation, allowed, call);
    }

    @Test
    @Order(1)
    void permissionMatrix() {
        SeriesId series = schedule(form("อบรมทดสอบสิทธิ์", nextFirstWednesday(), Repeat.NONE, 1, 30));
        OccurrenceId id = occurrences(series).getFirst().id();
        PersonId anucha = person("anucha").id();
        Set<String> secretariat = Set.of("kamonwan", "wichai", "admin");
        Set<String> readers = Set.of("anucha", "kamonwan", "wichai", "admin");
        Set<String> signedIn = Set.of("somsak", "rattana", "anucha", "kamonwan", "wichai", "admin");
        SeriesForm invalid = new SeriesForm(null, "", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        LocalDate date = LocalDate.now(DateFormats.THAILAND).plusDays(40);

        check("schedule", secretariat, a -> trainings.schedule(chiangMai, invalid));
        check("updateDetails", secretariat, a -> trainings.updateDetails(series, invalid));
        check("move", secretariat, a -> trainings.move(id, null, null, null));
        check("cancel", secretariat, a -> trainings.cancel(id, ""));
        check("form", secretariat, a -> trainings.form(series));
        check("find", readers, a -> trainings.find(id));
        check("occurrences", readers, a -> trainings.occurrences(series));
        check("between", signedIn, a -> trainings.between(Optional.empty(), Instant.now(), Instant.now().plusSeconds(60)));
        check("networksIManage", signedIn, a -> trainings.networksIManage());

        check("register", readers, a -> registrations.register(id, new PersonId("nobody")));
        check("cancelRegistration", readers, a -> registrations.cancelRegistration(id, new PersonId("nobody")));
        check("status", readers, a -> registrations.status(id, anucha));
        check("colleagues", signedIn, a -> registrations.colleagues());
        check("myOrganizationsEntries", readers, a -> registrations.myOrganizationsEntries(id));
        check("roster", secretariat, a -> registrations.roster(id));
        check("rosterCsv", secretariat, a -> registrations.rosterCsv(id, Locale.ROOT));
        check("setAttended", secretariat, a -> registrations.setAttended(id, anucha, true));
        check("addWalkIn", secretariat, a -> registrations.addWalkIn(id, anucha));
        check("checkInCode", secretariat, a -> registrations.checkInCode(id));
        check("checkInWithCode", readers, a -> registrations.checkInWithCode(id, "000000"));
        check("attendance", secretariat, a -> registrations.attendance(chiangMai));
        check("myRecord", signedIn, a -> registrations.myRecord());

        check("submit review", readers, a -> reviews.submit(id, new ReviewForm("", "", "", "")));
        check("my review", readers, a -> reviews.mine(id));
        check("reviews", secretariat, a -> reviews.reviews(id));
        check("seriesReviews", secretariat, a -> reviews.seriesReviews(series));

        check("newSecretAddress", signedIn, a -> calendars.newSecretAddress());
        check("secretAddressCreated", signedIn, a -> calendars.secretAddressCreated());
        check("removeSecretAddress", signedIn, a -> calendars.removeSecretAddress());
        check("personalFeed (the secret is the credential)", Set.copyOf(ACTORS), a -> calendars.personalFeed("cal_x"));
        check("networkFeed (the secret is the credential)", Set.copyOf(ACTORS),
                a -> calendars.networkFeed("cal_x", chiangMai));
        check("eventFile", readers, a -> calendars.eventFile(id, Locale.ROOT));
        check("certificate", readers, a -> certificates.certificate(id, Locale.ROOT));
        assertThat(date).isNotNull();
    }

    @Test
    @Order(2)
    void aMonthlySeriesCrossesTheYearAndOneOccurrenceMovesAlone() {
        // Every first Wednesday, 13:30–16:30 Bangkok time, three times: December, January, February.
        LocalDate first = LocalDate.of(2026, 12, 2);
        clock.setTo(Instant.parse("2026-11-22T03:00:00Z"));
        SeriesId series = schedule(form("อบรมประจำเดือน ข้ามปี", first, Repeat.MONTHLY_BY_WEEKDAY, 3, 40));
        List<Occurrence> all = occurrences(series);
        assertThat(all).extracting(Occurrence::start).containsExactly(Instant.parse("2026-12-02T06:30:00Z"),
                Instant.parse("2027-01-06T06:30:00Z"), Instant.parse("2027-02-03T06:30:00Z"));
        assertThat(all).extracting(Occurrence::end).first().isEqualTo(Instant.parse("2026-12-02T09:30:00Z"));

        Occurrence january = all.get(1);
        TestUsers.signInAs(accounts, "anucha");
        assertThat(registrations.register(january.id(), null)).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(trainings.between(Optional.of(chiangMai), Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2027-02-01T00:00:00Z"))).filteredOn(o -> o.seriesId().equals(series))
                .extracting(Occurrence::id).containsExactly(january.id());

        TestUsers.signInAs(accounts, "kamonwan");
        trainings.move(january.id(), LocalDate.of(2027, 1, 13), LocalTime.of(9, 0), LocalTime.of(12, 0));
        List<Occurrence> after = trainings.occurrences(series);
        assertThat(after.get(0).start()).isEqualTo(all.get(0).start());
        assertThat(after.get(2).start()).isEqualTo(all.get(2).start());
        assertThat(after.get(1).start()).isEqualTo(Instant.parse("2027-01-13T02:00:00Z"));
        assertThat(after.get(1).moved()).isTrue();
        assertThat(after.get(1).sequence()).isEqualTo(all.get(1).sequence() + 1);
        assertThat(after.get(0).moved()).isFalse();

        TestUsers.signInAs(accounts, "anucha");
        Notification told = notifications.mine(20).stream()
                .filter(n -> n.messageKey().equals("notification.trainingMoved")).findFirst().orElseThrow();
        assertThat(told.params()).contains("อบรมประจำเดือน ข้ามปี");
        assertThat(told.link()).isEqualTo("trainings/" + january.id().value());
        assertThat(notifications.mine(50)).as("members are told of the new series")
                .anyMatch(n -> n.messageKey().equals("notification.trainingScheduled") && n.params().contains("อบรมประจำเดือน ข้ามปี"));
        TestUsers.signInAs(accounts, "kamonwan");
        assertThat(notifications.mine(50)).as("its author is not")
                .noneMatch(n -> n.messageKey().equals("notification.trainingScheduled") && n.params().contains("อบรมประจำเดือน ข้ามปี"));

        // Cancelling one occurrence leaves the others; registered people are told why.
        TestUsers.signInAs(accounts, "kamonwan");
        assertThatThrownBy(() -> trainings.cancel(after.get(1).id(), " ")).hasMessageContaining("validation.required");
        trainings.cancel(after.get(1).id(), "ติดภารกิจรับเสด็จ");
        assertThat(trainings.occurrences(series)).extracting(Occurrence::cancelled).containsExactly(false, true, false);
        TestUsers.signInAs(accounts, "anucha");
        assertThat(notifications.mine(20)).extracting(Notification::messageKey).contains("notification.trainingCancelled");
        assertThatThrownBy(() -> registrations.register(after.get(1).id(), null))
                .hasMessageContaining("training.error.cancelled");
    }

    @Test
    @Order(3)
    void fiftyMembersForTheLastTenSeatsGiveTenRegisteredAndFortyWaiting() throws Exception {
        // Fifty colleagues at On Tai; their leader registers them all at the same moment.
        Person anucha = person("anucha");
        OrganizationId onTai = anucha.organizationId();
        List<PersonId> colleagues = new ArrayList<>();
        SystemRunner.run(() -> {
            for (int i = 0; i < 50; i++) {
                // One of them has given a spreadsheet formula as his name.
                String first = i == 0 ? "=HYPERLINK(\"https://evil.example\";\"คลิก\")" : "พนักงาน" + i;
                colleagues.add(people.createPerson(new NewPerson(onTai, null, i == 0 ? null : "นาย", first, "ออนใต้",
                        Position.STAFF, null, List.of(), List.of(), null, null, null, ContactVisibility.SHARED_NETWORKS)).id());
            }
        });
        SeriesId series = schedule(form("อบรมที่นั่งจำกัด", nextFirstWednesday(), Repeat.NONE, 1, 12));
        OccurrenceId id = occurrences(series).getFirst().id();
        TestUsers.signInAs(accounts, "anucha");
        registrations.register(id, null);
        TestUsers.signInAs(accounts, "nattaya");
        registrations.register(id, null);
        TestUsers.signOut();

        var user = SystemRunner.call(() -> accounts.findByUsername("anucha")).orElseThrow();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<RegistrationStatus>> results = new ArrayList<>();
        try {
            for (PersonId colleague : colleagues) {
                results.add(pool.submit(() -> {
                    TestUsers.signInAs(accounts, "anucha");
                    start.await();
                    try {
                        return registrations.register(id, colleague);
                    } finally {
                        TestUsers.signOut();
                    }
                }));
            }
            start.countDown();
            List<RegistrationStatus> statuses = new ArrayList<>();
            for (Future<RegistrationStatus> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses.stream().filter(s -> s == RegistrationStatus.REGISTERED)).hasSize(10);
            assertThat(statuses.stream().filter(s -> s == RegistrationStatus.WAITING)).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(user).isNotNull();
        TestUsers.signInAs(accounts, "kamonwan");
        Occurrence o = trainings.find(id);
        assertThat(o.registeredCount()).isEqualTo(12);
        assertThat(o.waitingCount()).isEqualTo(40);
        List<RosterEntry> roster = registrations.roster(id);
        assertThat(roster.stream().filter(e -> !e.waiting())).hasSize(12);
        assertThat(roster.stream().filter(RosterEntry::waiting).map(RosterEntry::waitingPosition))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(roster).extracting(RosterEntry::personId).doesNotHaveDuplicates();

        // Registering again changes nothing; cancelling a seat moves the first in line up, and tells them.
        TestUsers.signInAs(accounts, "anucha");
        RosterEntry firstInLine = roster.stream().filter(e -> e.waitingPosition() == 1).findFirst().orElseThrow();
        assertThat(registrations.register(id, firstInLine.personId())).isEqualTo(RegistrationStatus.WAITING);
        registrations.cancelRegistration(id, anucha.id());
        assertThat(registrations.status(id, firstInLine.personId())).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(registrations.status(id, anucha.id())).isEqualTo(RegistrationStatus.NONE);
        assertThat(notifications.mine(10)).extracting(Notification::messageKey).contains("notification.trainingPromoted");
        TestUsers.signInAs(accounts, "kamonwan");
        assertThat(trainings.find(id).registeredCount()).isEqualTo(12);
        assertThat(trainings.find(id).waitingCount()).isEqualTo(39);
        // A colleague of another organization cannot cancel someone else's seat.
        TestUsers.signInAs(accounts, "nattaya");
        assertThatThrownBy(() -> registrations.cancelRegistration(id, firstInLine.personId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registrations.register(id, firstInLine.personId()))
                .hasMessageContaining("training.error.notColleague");
        String csv = SystemRunner.call(() -> registrations.rosterCsv(id, Locale.forLanguageTag("th-TH")));
        assertThat(csv).startsWith("\uFEFFองค์กร,ชื่อ,สถานะ").contains("องค์การบริหารส่วนตำบลออนใต้")
                .contains("ลงทะเบียนแล้ว").contains("รายชื่อสำรอง ลำดับที่ 1");
        assertThat(csv.lines()).filteredOn(line -> line.contains("HYPERLINK")).singleElement().satisfies(line -> {
            assertThat(line).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
            assertThat(line).contains("'=HYPERLINK");
        });
    }

    @Test
    @Order(4)
    void registrationClosesAtTheDeadlineAndRemindersGoOutOnce() {
        LocalDate date = nextFirstWednesday();
        SeriesForm f = form("อบรมมีกำหนดปิดรับ", date, Repeat.NONE, 1, null);
        SeriesId series = schedule(new SeriesForm(f.type(), f.topic(), f.agenda(), f.speakers(), f.venue(), f.address(),
                f.mapUrl(), f.onlineUrl(), null, date, HALF_PAST_ONE, HALF_PAST_FOUR, Repeat.NONE, 1, 48, 24, List.of()));
        Occurrence o = occurrences(series).getFirst();
        TestUsers.signInAs(accounts, "anucha");
        registrations.register(o.id(), null);
        long before = reminders("อบรมมีกำหนดปิดรับ");

        clock.setTo(o.start().minus(Duration.ofHours(47)));
        TestUsers.signInAs(accounts, "nattaya");
        assertThatThrownBy(() -> registrations.register(o.id(), null)).hasMessageContaining("training.error.closed");

        // Reminder due 24 h before: four nodes (threads) try at once; each registered person is told once.
        clock.setTo(o.start().minus(Duration.ofHours(23)));
        CompletableFuture<?>[] tries = new CompletableFuture<?>[4];
        for (int i = 0; i < tries.length; i++) {
            tries[i] = CompletableFuture.runAsync(() -> trainings.sendDueReminders());
        }
        CompletableFuture.allOf(tries).join();
        trainings.sendDueReminders();
        assertThat(reminders("อบรมมีกำหนดปิดรับ")).isEqualTo(before + 1);

        // Moved a week later after the reminder went out: registered people are reminded of the new time.
        TestUsers.signInAs(accounts, "kamonwan");
        trainings.move(o.id(), date.plusWeeks(1), HALF_PAST_ONE, HALF_PAST_FOUR);
        trainings.sendDueReminders();
        assertThat(reminders("อบรมมีกำหนดปิดรับ")).as("not before its new time").isEqualTo(before + 1);
        clock.setTo(o.start().plus(Duration.ofDays(7)).minus(Duration.ofHours(23)));
        trainings.sendDueReminders();
        trainings.sendDueReminders();
        assertThat(reminders("อบรมมีกำหนดปิดรับ")).isEqualTo(before + 2);
    }

    @Test
    @Order(4)
    void aReminderLeftHalfSentByAKilledNodeIsFinishedOnceWhenItsClaimExpires() {
        LocalDate date = nextFirstWednesday().plusWeeks(2);
        SeriesForm f = form("อบรมที่โหนดล่มตอนเตือน", date, Repeat.NONE, 1, null);
        SeriesId series = schedule(f);
        Occurrence o = occurrences(series).getFirst();
        TestUsers.signInAs(accounts, "anucha");
        registrations.register(o.id(), null);
        long before = reminders("อบรมที่โหนดล่มตอนเตือน");
        clock.setTo(o.start().minus(Duration.ofHours(23)));
        // A node claimed the reminder and was killed before it finished.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(o.id().value())),
                Update.update("reminderClaimUntil", clock.instant().plusSeconds(60)), "training_occurrences");
        trainings.sendDueReminders();
        assertThat(reminders("อบรมที่โหนดล่มตอนเตือน")).as("the claim still holds").isEqualTo(before);
        clock.setTo(o.start().minus(Duration.ofHours(23)).plusSeconds(61));
        trainings.sendDueReminders();
        trainings.sendDueReminders();
        // This context's scheduled job may be the one that got the claim: wait for it to finish.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!mongo.exists(Query.query(Criteria.where("_id").is(o.id().value()).and("reminderSentAt").ne(null)),
                "training_occurrences") && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(reminders("อบรมที่โหนดล่มตอนเตือน")).isEqualTo(before + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long reminders(String topic) {
        TestUsers.signInAs(accounts, "anucha");
        return notifications.mine(50).stream().filter(n -> n.messageKey().equals("notification.trainingReminder")
                && n.params().contains(topic)).count();
    }

    @Test
    @Order(5)
    void checkInAttendanceReviewAndCertificate() throws Exception {
        SeriesId series = schedule(form("อบรมเช็กอิน", nextFirstWednesday(), Repeat.NONE, 1, 30));
        Occurrence o = occurrences(series).getFirst();
        PersonId anucha = person("anucha").id();
        PersonId nattaya = person("nattaya").id();
        TestUsers.signInAs(accounts, "anucha");
        registrations.register(o.id(), null);
        TestUsers.signInAs(accounts, "nattaya");
        registrations.register(o.id(), null);
        TestUsers.signInAs(accounts, "kamonwan");
        String code = registrations.checkInCode(o.id());
        assertThat(code).matches("\\d{6}").isEqualTo(registrations.checkInCode(o.id()));

        // Before the window the code is refused even when right.
        TestUsers.signInAs(accounts, "anucha");
        assertThatThrownBy(() -> registrations.checkInWithCode(o.id(), code)).hasMessageContaining("training.error.checkInClosed");
        assertThatThrownBy(() -> reviews.submit(o.id(), new ReviewForm("a", null, null, null)))
                .hasMessageContaining("training.error.reviewNotAttended");

        clock.setTo(o.start().plus(Duration.ofMinutes(10)));
        registrations.checkInWithCode(o.id(), code);
        assertThat(registrations.status(o.id(), anucha)).isEqualTo(RegistrationStatus.ATTENDED);
        // Wrong codes: five tries, then ask the secretariat.
        TestUsers.signInAs(accounts, "nattaya");
        for (int i = 0; i < RegistrationService.MAX_CODE_FAILURES; i++) {
            assertThatThrownBy(() -> registrations.checkInWithCode(o.id(), "999999x")).hasMessageContaining("training.error.wrongCode");
        }
        assertThatThrownBy(() -> registrations.checkInWithCode(o.id(), code)).hasMessageContaining("training.error.tooManyCodes");
        TestUsers.signInAs(accounts, "kamonwan");
        registrations.setAttended(o.id(), nattaya, true);
        registrations.setAttended(o.id(), nattaya, false);
        assertThat(registrations.status(o.id(), nattaya)).isEqualTo(RegistrationStatus.REGISTERED);

        TestUsers.signInAs(accounts, "anucha");
        reviews.submit(o.id(), new ReviewForm("ได้ความรู้เรื่องธนาคารขยะ", "ได้ลงพื้นที่จริง", "วิทยากรเป็นกันเอง",
                "<script>alert(1)</script> อยากให้มีเอกสารล่วงหน้า"));
        assertThatThrownBy(() -> reviews.submit(o.id(), new ReviewForm(" ", null, "", null)))
                .hasMessageContaining("training.error.reviewEmpty");
        assertThat(reviews.mine(o.id())).map(Review::better).contains("วิทยากรเป็นกันเอง");
        byte[] pdf = certificates.certificate(o.id(), Locale.forLanguageTag("th-TH"));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/certificate-th.pdf"), pdf);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        var reader = new org.openpdf.text.pdf.PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String fonts = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(fonts).contains("Sarabun");
        reader.close();
        TestUsers.signInAs(accounts, "nattaya");
        assertThatThrownBy(() -> certificates.certificate(o.id(), Locale.ROOT))
                .hasMessageContaining("training.error.certificateNotAttended");

        clock.setTo(o.end().plus(Duration.ofHours(1)));
        TestUsers.signInAs(accounts, "kamonwan");
        List<Review> all = reviews.reviews(o.id());
        assertThat(all).hasSize(1);
        assertThat(all.getFirst().suggestions()).startsWith("<script>");
        assertThat(reviews.seriesReviews(series)).hasSize(1);
        AttendanceReport report = registrations.attendance(chiangMai);
        AttendanceReport.ByOccurrence line = report.occurrences().stream().filter(x -> x.id().equals(o.id()))
                .findFirst().orElseThrow();
        assertThat(line.registered()).isEqualTo(2);
        assertThat(line.attended()).isEqualTo(1);
        assertThat(line.rate()).isEqualTo(0.5);
        assertThat(report.organizations()).anyMatch(r -> r.id().equals(person("anucha").organizationId()) && r.attended() >= 1);
        TestUsers.signInAs(accounts, "anucha");
        assertThat(registrations.myRecord()).anyMatch(e -> e.occurrence().id().equals(o.id())
                && e.status() == RegistrationStatus.ATTENDED);
    }

    @Test
    @Order(6)
    void calendarFeedsValidateAndTheSecretAddressStopsWhenReplaced() throws Exception {
        SeriesId series = schedule(form("อบรมในปฏิทิน", nextFirstWednesday(), Repeat.MONTHLY_BY_WEEKDAY, 2, null));
        List<Occurrence> both = occurrences(series);
        TestUsers.signInAs(accounts, "anucha");
        registrations.register(both.getFirst().id(), null);
        String url = calendars.newSecretAddress();
        String secret = url.replaceAll(".*/calendar/([^/]+)/mine.ics$", "$1");
        TestUsers.signOut();

        String mine = calendars.personalFeed(secret).orElseThrow();
        Calendar parsed = new CalendarBuilder().build(new StringReader(mine));
        assertThat(parsed.validate().getEntries()).as("ical4j validation of the personal feed").isEmpty();
        List<VEvent> events = parsed.getComponents("VEVENT");
        assertThat(events).anyMatch(e -> e.getSummary().getValue().equals("อบรมในปฏิทิน")
                && e.getUid().orElseThrow().getValue().equals(both.getFirst().id().value() + "@phakhi"));
        assertThat(events).noneMatch(e -> e.getUid().orElseThrow().getValue().startsWith(both.get(1).id().value()));
        assertThat(events).extracting(e -> e.getUrl().getUri().toString())
                .contains("http://localhost:8080/trainings/" + both.getFirst().id().value());
        assertThat(events).allMatch(e -> e.getProperties("DTSTAMP").size() == 1);
        // Nattaya's registrations are not in Anucha's feed.
        TestUsers.signInAs(accounts, "nattaya");
        registrations.register(both.get(1).id(), null);
        TestUsers.signOut();
        assertThat(uids(calendars.personalFeed(secret).orElseThrow())).doesNotContain(both.get(1).id().value() + "@phakhi");

        String network = calendars.networkFeed(secret, chiangMai).orElseThrow();
        Calendar networkCalendar = new CalendarBuilder().build(new StringReader(network));
        assertThat(networkCalendar.validate().getEntries()).as("ical4j validation of the network feed").isEmpty();
        assertThat(uids(network)).contains(both.get(1).id().value() + "@phakhi", both.getFirst().id().value() + "@phakhi");
        NetworkId khonKaen = SystemRunner.call(() -> networks.browse(null, null)).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น")).findFirst().orElseThrow().id();
        assertThat(calendars.networkFeed(secret, khonKaen)).as("not a member of Khon Kaen").isEmpty();

        TestUsers.signInAs(accounts, "anucha");
        calendars.newSecretAddress();
        TestUsers.signOut();
        assertThat(calendars.personalFeed(secret)).as("replaced").isEmpty();
        assertThat(calendars.networkFeed(secret, chiangMai)).isEmpty();
        assertThat(calendars.personalFeed("phk_" + secret.substring(4))).as("an API token is no calendar secret").isEmpty();

        TestUsers.signInAs(accounts, "anucha");
        String file = calendars.eventFile(both.getFirst().id(), Locale.ENGLISH);
        Calendar single = new CalendarBuilder().build(new StringReader(file));
        assertThat(single.validate().getEntries()).as("ical4j validation of one event's file").isEmpty();
        VEvent event = single.<VEvent>getComponents("VEVENT").getFirst();
        ZonedDateTime start = ZonedDateTime.ofInstant(both.getFirst().start(), DateFormats.THAILAND);
        assertThat(start.toLocalTime()).isEqualTo(HALF_PAST_ONE);
        assertThat(event.getDescription().getValue()).contains("Training");
    }

    private static List<String> uids(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getUid().orElseThrow().getValue()).toList();
    }

    @Test
    @Order(7)
    void badInputGetsAClearMessageAndTextIsKeptAsTyped() {
        TestUsers.signInAs(accounts, "kamonwan");
        LocalDate date = nextFirstWednesday();
        SeriesForm ok = form("หัวข้อ", date, Repeat.NONE, 1, 10);
        assertThatThrownBy(() -> trainings.schedule(chiangMai, with(ok, HALF_PAST_FOUR, HALF_PAST_ONE, 10)))
                .hasMessageContaining("training.error.endBeforeStart");
        assertThatThrownBy(() -> trainings.schedule(chiangMai, with(ok, HALF_PAST_ONE, HALF_PAST_FOUR, 0)))
                .hasMessageContaining("training.error.capacity");
        assertThatThrownBy(() -> trainings.schedule(chiangMai, with(ok, HALF_PAST_ONE, HALF_PAST_FOUR, -5)))
                .hasMessageContaining("training.error.capacity");
        assertThatThrownBy(() -> trainings.schedule(chiangMai, new SeriesForm(EventType.TRAINING, "ก".repeat(10_000),
                null, null, "ห้อง", null, null, null, null, date, HALF_PAST_ONE, HALF_PAST_FOUR, Repeat.NONE, 1, 0, 24,
                null))).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("validation.tooLong"));
        assertThatThrownBy(() -> trainings.schedule(chiangMai, new SeriesForm(EventType.TRAINING, "ออนไลน์",
                null, null, null, null, null, "javascript:alert(1)", null, date, HALF_PAST_ONE, HALF_PAST_FOUR,
                Repeat.NONE, 1, 0, 24, null))).hasMessageContaining("validation.link");
        assertThatThrownBy(() -> trainings.schedule(chiangMai, new SeriesForm(EventType.TRAINING, "ที่ไหน",
                null, null, null, null, null, null, null, date, HALF_PAST_ONE, HALF_PAST_FOUR,
                Repeat.NONE, 1, 0, 24, null))).hasMessageContaining("training.error.where");
        assertThatThrownBy(() -> trainings.schedule(chiangMai, form("อดีต", LocalDate.of(2020, 1, 1), Repeat.NONE, 1, 5)))
                .hasMessageContaining("training.error.past");
        assertThatThrownBy(() -> trainings.schedule(chiangMai, form("มากไป", date, Repeat.WEEKLY, 61, 5)))
                .hasMessageContaining("training.error.occurrences");

        SeriesId id = trainings.schedule(chiangMai, new SeriesForm(EventType.ACADEMIC_MEETING,
                "<script>alert('x')</script> ประชุมวิชาการ", "<img src=x onerror=alert(1)> [คลิก](javascript:alert(1))",
                List.of("<b>วิทยากร</b>"), "<i>ห้อง</i>", null, null, null, null, date, HALF_PAST_ONE, HALF_PAST_FOUR,
                Repeat.NONE, 1, 0, 24, null));
        Occurrence o = trainings.occurrences(id).getFirst();
        assertThat(o.topic()).isEqualTo("<script>alert('x')</script> ประชุมวิชาการ");
        assertThat(o.speakers()).containsExactly("<b>วิทยากร</b>");
        var html = org.jsoup.Jsoup.parseBodyFragment(o.agendaHtml());
        assertThat(html.select("script, img")).isEmpty();
        assertThat(html.select("a[href]")).isEmpty();
    }

    private static SeriesForm with(SeriesForm f, LocalTime start, LocalTime end, Integer capacity) {
        return new SeriesForm(f.type(), f.topic(), f.agenda(), f.speakers(), f.venue(), f.address(), f.mapUrl(),
                f.onlineUrl(), capacity, f.firstDate(), start, end, f.repeat(), f.occurrences(),
                f.registrationCloseHours(), f.reminderHours(), f.materials());
    }
}
