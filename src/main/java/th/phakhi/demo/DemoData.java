package th.phakhi.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import th.phakhi.directory.ContactVisibility;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.ImportReport;
import th.phakhi.directory.NewPerson;
import th.phakhi.directory.Organization;
import th.phakhi.directory.OrganizationRecord;
import th.phakhi.directory.OrganizationType;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Position;
import th.phakhi.announcement.AnnouncementForm;
import th.phakhi.announcement.AnnouncementId;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.announcement.Category;
import th.phakhi.chat.ChatService;
import th.phakhi.feed.FeedService;
import th.phakhi.training.EventType;
import th.phakhi.training.OccurrenceId;
import th.phakhi.training.RegistrationService;
import th.phakhi.training.Repeat;
import th.phakhi.training.SeriesForm;
import th.phakhi.training.SeriesId;
import th.phakhi.training.TrainingService;
import th.phakhi.chat.RoomId;
import th.phakhi.directory.Person;
import th.phakhi.workinggroup.WorkingGroupForm;
import th.phakhi.workinggroup.WorkingGroupId;
import th.phakhi.workinggroup.WorkingGroupService;
import th.phakhi.network.CharterService;
import th.phakhi.network.MembershipRequest;
import th.phakhi.network.MembershipService;
import th.phakhi.network.NetworkForm;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkPosition;
import th.phakhi.network.NetworkScope;
import th.phakhi.network.NetworkService;
import th.phakhi.network.NetworkVisibility;
import th.phakhi.security.Account;
import th.phakhi.security.PhakhiUser;
import th.phakhi.security.AccountService;
import th.phakhi.security.NewAccount;
import th.phakhi.security.Role;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.i18n.Language;
import th.phakhi.shared.mongo.DatabaseMode;

/**
 * Loads the demo once, through the same secured services a platform administrator would use.
 * A marker document records that it ran, so a restart never loads it twice.
 */
@Component
class DemoData {

    /** Password of every demo account (listed in the README). */
    static final String DEMO_PASSWORD = "phakhi2569";
    static final String ADMIN_USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String MARKER_COLLECTION = "app_meta";
    private static final String MARKER_ID = "demo-data";

    private final boolean enabled;
    private final MongoTemplate mongo;
    private final AccountService accounts;
    private final DirectoryService directory;
    private final PeopleService people;
    private final NetworkService networks;
    private final MembershipService membership;
    private final CharterService charters;
    private final WorkingGroupService groups;
    private final ChatService chat;
    private final AnnouncementService announcements;
    private final FeedService feed;
    private final TrainingService trainings;
    private final RegistrationService registrations;

    DemoData(@Value("${phakhi.demo.enabled:}") String enabled, DatabaseMode databaseMode, MongoTemplate mongo,
             AccountService accounts, DirectoryService directory, PeopleService people, NetworkService networks,
             MembershipService membership, CharterService charters, WorkingGroupService groups, ChatService chat,
             AnnouncementService announcements, FeedService feed, TrainingService trainings,
             RegistrationService registrations) {
        this.enabled = enabled == null || enabled.isBlank() ? databaseMode.embedded() : Boolean.parseBoolean(enabled);
        this.mongo = mongo;
        this.accounts = accounts;
        this.directory = directory;
        this.people = people;
        this.networks = networks;
        this.membership = membership;
        this.charters = charters;
        this.groups = groups;
        this.chat = chat;
        this.announcements = announcements;
        this.feed = feed;
        this.trainings = trainings;
        this.registrations = registrations;
    }

    @Order(10)
    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!enabled) {
            return;
        }
        // Claim the load with a unique _id: of several nodes starting at once, exactly one loads.
        try {
            mongo.getCollection(MARKER_COLLECTION).insertOne(new Document("_id", MARKER_ID).append("version", 1)
                    .append("state", "loading"));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return;
            }
            throw e;
        }
        long started = System.nanoTime();
        SystemRunner.run(this::loadAll);
        mongo.getCollection(MARKER_COLLECTION).updateOne(new Document("_id", MARKER_ID),
                new Document("$set", new Document("state", "loaded")));
        log.info("Demo data loaded in {} ms — sign in as '{}' or any demo user, password '{}'",
                (System.nanoTime() - started) / 1_000_000, ADMIN_USERNAME, DEMO_PASSWORD);
    }

    private void loadAll() {
        loadDirectory();
        loadNetworks();
    }

    private void loadDirectory() {
        if (accounts.findByUsername(ADMIN_USERNAME).isEmpty()) {
            accounts.createAccount(new NewAccount(ADMIN_USERNAME, DEMO_PASSWORD, "ผู้ดูแลระบบภาคี",
                    Set.of(Role.PLATFORM_ADMIN), Language.TH));
        }
        List<OrganizationRecord> organizations = new ArrayList<>();
        for (Map<String, String> row : csv("/demo/organizations.csv")) {
            organizations.add(withProfile(OrganizationRecord.basic(row.get("code"),
                    OrganizationType.valueOf(row.get("type")), row.get("name_th"), row.get("name_en"),
                    row.get("province"), row.get("district_th"), row.get("district_en"))));
        }
        ImportReport report = directory.importOrganizations(organizations, 2);
        if (!report.succeeded()) {
            throw new IllegalStateException("Demo organizations are invalid: " + report.problems());
        }
        for (Map<String, String> row : csv("/demo/people.csv")) {
            Organization organization = directory.findByCode(row.get("org_code")).orElseThrow();
            String displayName = row.get("title") + row.get("first_name") + " " + row.get("last_name");
            Account account = accounts.findByUsername(row.get("username")).orElseGet(() ->
                    accounts.createAccount(new NewAccount(row.get("username"), DEMO_PASSWORD, displayName,
                            Set.of(), Language.TH)));
            people.createPerson(new NewPerson(organization.id(), account.id(), row.get("title"),
                    row.get("first_name"), row.get("last_name"), Position.valueOf(row.get("position")),
                    row.get("position_detail"), list(row.get("responsibilities")), list(row.get("expertise")),
                    row.get("phone"), row.get("email"), null, ContactVisibility.valueOf(row.get("visibility"))));
        }
    }

    /**
     * A living network per province (charter, structure, members), a cross-province thematic
     * network and a members-only one — each made the way people make them: a leader creates it,
     * invites organizations, their leaders accept, the chair appoints the structure. The mayor of
     * Mae Hia (somsak) is left outside, so a new user can try asking to join.
     */
    private void loadNetworks() {
        Map<String, String> names = Map.of("suda", "5001203");
        // The clerk of Nong Pa Khrang acts for it (no leader account in the demo).
        Organization nongPaKhrang = directory.findByCode(names.get("suda")).orElseThrow();
        directory.setDelegates(nongPaKhrang.id(), List.of(person("suda").id()));

        NetworkId chiangMai = as("prasert", () -> networks.create(new NetworkForm(
                "เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่",
                "Chiang Mai Local Government Leaders Network", NetworkScope.PROVINCIAL, "50",
                "ผู้นำ อบจ. เทศบาล และ อบต. ในจังหวัดเชียงใหม่ รวมตัวกันโดยสมัครใจ เพื่อประสานงาน แลกเปลี่ยนเรียนรู้ "
                        + "และพัฒนาท้องถิ่นร่วมกัน โดยแต่ละองค์กรยังคงความเป็นอิสระ", NetworkVisibility.PUBLIC)));
        as("prasert", () -> charters.updateCharter(chiangMai,
                "ร่วมกันสร้างความเข้มแข็งให้องค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่ ด้วยเครือข่ายผู้นำที่ร่วมมือกันโดยสมัครใจ",
                List.of("ประสานงานและแลกเปลี่ยนเรียนรู้อย่างต่อเนื่อง ทั้งในและนอกการประชุม",
                        "จัดอบรมหรือประชุมวิชาการด้านการบริหารท้องถิ่นทุกเดือน",
                        "ตั้งคณะทำงานที่เป็นรูปธรรมในประเด็นร่วม เช่น การจัดการขยะ การท่องเที่ยว และแหล่งน้ำ",
                        "ประชาสัมพันธ์ผลงานของเครือข่ายสู่สมาชิกและประชาชน",
                        "พัฒนาศักยภาพผู้นำด้านกฎหมาย จริยธรรม และนโยบายสาธารณะ"), 0));
        join(chiangMai, "prasert", "wichai", "nattaya", "anucha", "suda");
        appoint(chiangMai, "prasert", NetworkPosition.SECRETARY_GENERAL, "wichai");
        appoint(chiangMai, "prasert", NetworkPosition.VICE_CHAIR, "nattaya");
        appoint(chiangMai, "prasert", NetworkPosition.SECRETARIAT, "kamonwan");
        appoint(chiangMai, "prasert", NetworkPosition.COMMITTEE_MEMBER, "anucha");

        NetworkId khonKaen = as("boonmee", () -> networks.create(new NetworkForm(
                "เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น", "Khon Kaen Local Government Network",
                NetworkScope.PROVINCIAL, "40",
                "เวทีความร่วมมือของ อบจ. เทศบาล และ อบต. จังหวัดขอนแก่น ร่วมกับภาครัฐ เอกชน และภาคประชาสังคม",
                NetworkVisibility.PUBLIC)));
        as("boonmee", () -> charters.updateCharter(khonKaen,
                "ร่วมพัฒนาท้องถิ่นขอนแก่นสู่เมืองน่าอยู่ ด้วยการมีส่วนร่วมของภาคีเครือข่าย",
                List.of("แลกเปลี่ยนนวัตกรรมและแนวปฏิบัติที่ดีระหว่างสมาชิก",
                        "ถอดบทเรียนโครงการที่ได้รับรางวัล เพื่อขยายผลสู่องค์กรอื่น",
                        "ร่วมกันดูแลเด็ก เยาวชน และผู้สูงอายุในชุมชน"), 0));
        join(khonKaen, "boonmee", "thanakorn", "rattana", "kittipong");
        appoint(khonKaen, "boonmee", NetworkPosition.SECRETARY_GENERAL, "thanakorn");
        appoint(khonKaen, "boonmee", NetworkPosition.VICE_CHAIR, "rattana");
        appoint(khonKaen, "boonmee", NetworkPosition.SECRETARIAT, "pimchanok");

        NetworkId waste = as("nattaya", () -> networks.create(new NetworkForm("เครือข่ายการจัดการขยะชุมชน",
                "Community Waste Management Network", NetworkScope.THEMATIC, null,
                "ท้องถิ่นที่ทำธนาคารขยะ คัดแยกขยะต้นทาง และเมืองคาร์บอนต่ำ แลกเปลี่ยนประสบการณ์ข้ามจังหวัด",
                NetworkVisibility.PUBLIC)));
        join(waste, "nattaya", "kittipong", "wichai");

        loadGroupsAndChat(chiangMai, khonKaen);
        loadAnnouncementsAndFeed(chiangMai, khonKaen);
        loadTrainings(chiangMai, khonKaen);

        as("thanakorn", () -> networks.create(new NetworkForm("คณะทำงานเตรียมการประชุมสุดยอดท้องถิ่น",
                "Local Summit Preparation Group", NetworkScope.THEMATIC, null,
                "เฉพาะสมาชิก: เตรียมการประชุมระดับภาค", NetworkVisibility.MEMBERS_ONLY)));
    }

    /** Working groups with a few days of conversation, so chat does not open empty. */
    private void loadGroupsAndChat(NetworkId chiangMai, NetworkId khonKaen) {
        WorkingGroupForm wasteForm = new WorkingGroupForm("คณะทำงานการจัดการขยะและสิ่งแวดล้อม",
                "ศึกษาและขยายผลธนาคารขยะและการคัดแยกขยะต้นทางในพื้นที่สมาชิก รายงานความคืบหน้าต่อที่ประชุมเครือข่ายทุกเดือน",
                person("nattaya").id(), List.of(person("anucha").id(), person("suda").id(), person("wichai").id()));
        WorkingGroupForm trainingForm = new WorkingGroupForm("คณะทำงานจัดอบรมประจำเดือน",
                "วางแผนหัวข้อ วิทยากร และสถานที่ของการอบรมหรือประชุมวิชาการประจำเดือน",
                person("kamonwan").id(), List.of(person("wichai").id(), person("prasert").id()));
        WorkingGroupForm youthForm = new WorkingGroupForm("คณะทำงานเด็ก เยาวชน และผู้สูงอายุ",
                "แลกเปลี่ยนแนวทางดูแลเด็กเยาวชนนอกระบบการศึกษาและผู้สูงอายุในชุมชน",
                person("thanakorn").id(), List.of(person("rattana").id(), person("pimchanok").id()));
        WorkingGroupId waste = as("wichai", () -> groups.create(chiangMai, wasteForm));
        as("prasert", () -> groups.create(chiangMai, trainingForm));
        as("boonmee", () -> groups.create(khonKaen, youthForm));

        RoomId general = RoomId.of(chiangMai);
        say("kamonwan", general, "สวัสดีค่ะ ยินดีต้อนรับทุกท่านสู่ห้องรวมของเครือข่าย ประกาศและเอกสารการประชุมจะแจ้งในห้องนี้นะคะ");
        say("wichai", general, "ขอบคุณครับ เรื่อง**งบประมาณ**การจัดอบรมเดือนหน้า ขอให้ฝ่ายเลขานุการสรุปให้ที่ประชุมด้วยครับ");
        say("nattaya", general, "เทศบาลตำบลสุเทพยินดีเป็นเจ้าภาพการอบรมเรื่องธนาคารขยะค่ะ");
        say("anucha", general, "ขอบคุณเรื่องงบประมาณปีหน้าครับ อบต.ออนใต้พร้อมร่วมสนับสนุน");
        RoomId wasteRoom = RoomId.of(waste);
        say("nattaya", wasteRoom, "เริ่มกันเลยนะคะ งานแรก: สำรวจจุดทิ้งขยะในแต่ละพื้นที่\n- สุเทพ\n- ออนใต้\n- หนองป่าครั่ง");
        say("suda", wasteRoom, "หนองป่าครั่งสำรวจเสร็จแล้วค่ะ พบจุดทิ้งขยะไม่ถูกที่ 12 จุด จะส่งแผนที่ให้ในการประชุมครั้งหน้า");
        say("anucha", wasteRoom, "ออนใต้ขอเวลาอีกหนึ่งสัปดาห์ครับ @ณัฐยา");
    }

    /** A meeting notice waiting for acknowledgements, public news, and updates in the feed. */
    private void loadAnnouncementsAndFeed(NetworkId chiangMai, NetworkId khonKaen) {
        AnnouncementId meeting = as("kamonwan", () -> announcements.post(chiangMai, new AnnouncementForm(
                "นัดประชุมเครือข่ายประจำเดือน",
                "ขอเรียนเชิญผู้บริหารองค์กรสมาชิกทุกท่านร่วมประชุมประจำเดือน\n\n"
                        + "- **วันพุธแรกของเดือน** เวลา 13.30–16.30 น.\n"
                        + "- ณ ห้องประชุม อบจ.เชียงใหม่\n- วาระ: รายงานคณะทำงาน และแผนการอบรมปีหน้า\n\n"
                        + "กรุณากด **รับทราบ** เพื่อยืนยันว่าองค์กรของท่านได้รับข่าวแล้ว",
                Category.MEETING, null, List.of(), null, null, true, true, false)));
        as("prasert", () -> {
            announcements.acknowledge(meeting);
            return null;
        });
        as("kamonwan", () -> announcements.post(chiangMai, new AnnouncementForm(
                "เครือข่ายร่วมจัดอบรมธนาคารขยะชุมชน",
                "เครือข่ายผู้บริหารท้องถิ่นจังหวัดเชียงใหม่ร่วมกับเทศบาลตำบลสุเทพ จัดอบรมการจัดตั้งธนาคารขยะชุมชน "
                        + "เพื่อขยายผลแนวปฏิบัติที่ดีสู่ท้องถิ่นอื่น",
                Category.NEWS, null, List.of(), null, null, false, false, true)));
        as("pimchanok", () -> announcements.post(khonKaen, new AnnouncementForm(
                "ถอดบทเรียนรางวัลพระปกเกล้า เทศบาลนครขอนแก่น",
                "ขอเชิญสมาชิกร่วมเวทีถอดบทเรียนการพัฒนาคุณภาพชีวิตเด็กและเยาวชนนอกระบบการศึกษา "
                        + "ตามแนวทาง *5C กลยุทธ์พิชิตใจเด็กชายขอบ*",
                Category.NEWS, null, List.of(), null, null, true, false, true)));
        as("nattaya", () -> feed.post(chiangMai, "ธนาคารขยะเทศบาลตำบลสุเทพมีสมาชิกครบ 300 ครัวเรือนแล้ว ขอบคุณทุกชุมชนค่ะ",
                null));
    }

    /** The Chiang Mai network's monthly training (first Wednesdays) and a study visit in Khon Kaen. */
    private void loadTrainings(NetworkId chiangMai, NetworkId khonKaen) {
        java.time.LocalDate today = java.time.LocalDate.now(th.phakhi.shared.i18n.DateFormats.THAILAND);
        java.time.LocalDate firstWednesday = today.plusMonths(1).withDayOfMonth(1)
                .with(java.time.temporal.TemporalAdjusters.firstInMonth(java.time.DayOfWeek.WEDNESDAY));
        SeriesId monthly = as("kamonwan", () -> trainings.schedule(chiangMai, new SeriesForm(EventType.TRAINING,
                "อบรมประจำเดือน: การจัดการขยะชุมชนแบบมีส่วนร่วม",
                "**13:30** ลงทะเบียน\n\n**14:00** บรรยาย: ธนาคารขยะและการคัดแยกขยะต้นทาง\n\n"
                        + "**15:30** แลกเปลี่ยนประสบการณ์ของสมาชิก และทบทวนหลังการปฏิบัติงาน (AAR)",
                List.of("นางณัฐยา คำแสง (นายกเทศมนตรีตำบลสุเทพ)"), "ห้องประชุมองค์การบริหารส่วนจังหวัดเชียงใหม่",
                "ถนนโชตนา ตำบลช้างเผือก อำเภอเมืองเชียงใหม่", "https://www.openstreetmap.org/?mlat=18.8113&mlon=98.9853",
                null, 40, firstWednesday, java.time.LocalTime.of(13, 30), java.time.LocalTime.of(16, 30),
                Repeat.MONTHLY_BY_WEEKDAY, 12, 24, 24,
                List.of(new th.phakhi.shared.Link("คู่มือธนาคารขยะ", "https://example.org/waste-bank-guide.pdf")))));
        OccurrenceId first = as("kamonwan", () -> trainings.occurrences(monthly).getFirst().id());
        for (String user : List.of("anucha", "nattaya", "wichai")) {
            as(user, () -> registrations.register(first, null));
        }
        as("pimchanok", () -> trainings.schedule(khonKaen, new SeriesForm(EventType.STUDY_VISIT,
                "ศึกษาดูงาน: การพัฒนาคุณภาพชีวิตเด็กนอกระบบการศึกษา เทศบาลนครขอนแก่น",
                "เยี่ยมชมศูนย์การเรียนรู้และพูดคุยกับทีมงานผู้ได้รับรางวัลพระปกเกล้า", List.of(),
                "ศาลาว่าการเทศบาลนครขอนแก่น", "ถนนประชาสโมสร อำเภอเมืองขอนแก่น", null, null, 20,
                today.plusDays(24), java.time.LocalTime.of(9, 0), java.time.LocalTime.of(15, 0), Repeat.NONE, 1, 48, 24,
                List.of())));
    }

    private void say(String user, RoomId room, String text) {
        as(user, () -> chat.send(room, "demo-" + java.util.UUID.randomUUID(), text, null));
    }

    /** The admin invites each organization of these users; each accepts. */
    private void join(NetworkId network, String admin, String... users) {
        for (String user : users) {
            Person person = person(user);
            MembershipRequest invitation = as(admin, () -> membership.invite(network, person.organizationId(),
                    "ขอเชิญร่วมเป็นภาคีเครือข่าย"));
            as(user, () -> {
                membership.acceptInvitation(network, invitation.id());
                return null;
            });
        }
    }

    private void appoint(NetworkId network, String admin, NetworkPosition position, String user) {
        Person person = person(user);
        as(admin, () -> {
            charters.assignPosition(network, position, person.id());
            return null;
        });
    }

    private Person person(String username) {
        Account account = accounts.findByUsername(username).orElseThrow();
        return people.byAccount(account.id()).orElseThrow();
    }

    private <T> T as(String username, java.util.function.Supplier<T> task) {
        Account account = accounts.findByUsername(username).orElseThrow();
        PhakhiUser user = new PhakhiUser(account.id(), account.username(), account.displayName(), account.roles(),
                true, null);
        List<T> result = new ArrayList<>(1);
        SystemRunner.runAs(user, () -> result.add(task.get()));
        return result.getFirst();
    }

    /**
     * Khon Kaen City Municipality's profile as published in King Prajadhipok's Institute's award
     * book (2014); the other organizations carry names and places only.
     */
    private static OrganizationRecord withProfile(OrganizationRecord r) {
        if (!"4001001".equals(r.code())) {
            return r;
        }
        return new OrganizationRecord(r.code(), r.type(), r.nameTh(), r.nameEn(), r.provinceCode(), r.districtTh(),
                r.districtEn(), "ตำบลในเมือง อำเภอเมือง จังหวัดขอนแก่น", "40000", "043-221-667", "043-221-667",
                null, null, 52_866, 58_841, new BigDecimal("46"), 93, new BigDecimal("678749799.10"),
                new BigDecimal("691511722.97"), 18, 6, "พัฒนาเมืองสู่สากล สร้างสังคมแห่งความสุข",
                List.of(new OrganizationRecord.ExecutiveMember("นายธีระศักดิ์ ฑีฆายุพันธุ์", "นายกเทศมนตรีนครขอนแก่น"),
                        new OrganizationRecord.ExecutiveMember("นายเรืองชัย ตราชู", "ประธานสภาเทศบาลนครขอนแก่น"),
                        new OrganizationRecord.ExecutiveMember("นายสุภัฐวิทย์ ธารชัย", "ปลัดเทศบาลนครขอนแก่น")));
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(";")).map(String::strip).toList();
    }

    /** Reads a demo CSV file into rows keyed by its header; blank values become null. */
    static List<Map<String, String>> csv(String resource) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var in = Objects.requireNonNull(DemoData.class.getResourceAsStream(resource));
             var parser = format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new HashMap<>();
                record.toMap().forEach((k, v) -> row.put(k, v == null || v.isBlank() ? null : v));
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
