package th.phakhi.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.audit.AuditEntry;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.notification.Notification;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.UserFacingException;
import th.phakhi.support.TestUsers;

/** The rules of voluntary membership and of the charter, on the demo data, in a context of their own. */
@SpringBootTest(properties = "phakhi.test.context=membership")
@ActiveProfiles("test")
class MembershipAndCharterTest {

    @Autowired
    NetworkService networks;
    @Autowired
    MembershipService membership;
    @Autowired
    CharterService charters;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationService notifications;
    @Autowired
    AccountService accounts;
    @Autowired
    DirectoryService directory;
    @Autowired
    PeopleService people;

    NetworkId chiangMai;
    NetworkId khonKaen;
    NetworkId summit;

    @BeforeEach
    void findNetworks() {
        SystemRunner.run(() -> {
            chiangMai = named("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่");
            khonKaen = named("เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น");
            summit = named("คณะทำงานเตรียมการประชุมสุดยอดท้องถิ่น");
        });
    }

    private NetworkId named(String name) {
        return networks.browse(null, null).stream().filter(n -> n.nameTh().equals(name)).findFirst().orElseThrow().id();
    }

    private OrganizationId org(String code) {
        return SystemRunner.call(() -> directory.findByCode(code).orElseThrow().id());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void approvedRequestMakesTheOrganizationAMemberAndTellsTheRequester() {
        OrganizationId maeHia = org("5001101");
        TestUsers.signInAs(accounts, "somsak");
        MembershipRequest request = membership.requestToJoin(chiangMai, maeHia, "<b>ขอเข้าร่วม</b>");
        assertThat(request.message()).isEqualTo("<b>ขอเข้าร่วม</b>");
        assertThatThrownBy(() -> membership.requestToJoin(chiangMai, maeHia, "again"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("network.error.alreadyPending");
        assertThat(networks.details(chiangMai).myOrganizationStatus()).isEqualTo(NetworkDetails.MyStatus.REQUESTED);

        TestUsers.signInAs(accounts, "wichai");
        assertThat(notifications.mine(10)).extracting(Notification::messageKey).contains("notification.joinRequested");
        // A request of the Chiang Mai network cannot be decided through another network, even by its own admin.
        TestUsers.signInAs(accounts, "boonmee");
        assertThatThrownBy(() -> membership.approve(khonKaen, request.id()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("error.notFound");

        TestUsers.signInAs(accounts, "wichai");
        membership.approve(chiangMai, request.id());
        assertThat(networks.memberOrganizations(chiangMai)).contains(maeHia);
        assertThatThrownBy(() -> membership.approve(chiangMai, request.id()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("network.error.alreadyDecided");
        assertThat(audit.entries("network:" + chiangMai.value(), 20)).extracting(AuditEntry::action)
                .contains("audit.network.approved");

        TestUsers.signInAs(accounts, "somsak");
        assertThat(notifications.mine(10)).extracting(Notification::messageKey).contains("notification.joinApproved");
        assertThat(networks.myNetworks()).extracting(Network::id).contains(chiangMai);
        assertThat(networks.details(chiangMai).myRole()).contains(NetworkRole.MEMBER);
    }

    @Test
    void declineNeedsAReasonAndTheRequesterReadsIt() {
        OrganizationId banPhai = org("4010101");
        TestUsers.signInAs(accounts, "rattana");
        MembershipRequest request = membership.requestToJoin(chiangMai, banPhai, null);
        TestUsers.signInAs(accounts, "kamonwan");
        assertThatThrownBy(() -> membership.decline(chiangMai, request.id(), "  "))
                .hasMessageContaining("validation.required");
        membership.decline(chiangMai, request.id(), "เครือข่ายนี้สำหรับองค์กรในจังหวัดเชียงใหม่");
        // Regression: the pending list once showed decided requests too (a dropped Criteria.and).
        assertThat(membership.requests(chiangMai, true)).extracting(MembershipRequest::id).doesNotContain(request.id());
        assertThat(membership.requests(chiangMai, false)).extracting(MembershipRequest::id).contains(request.id());
        TestUsers.signInAs(accounts, "rattana");
        Notification told = notifications.mine(10).stream()
                .filter(n -> n.messageKey().equals("notification.joinDeclined")).findFirst().orElseThrow();
        assertThat(told.params()).contains("เครือข่ายนี้สำหรับองค์กรในจังหวัดเชียงใหม่");
        assertThat(networks.memberOrganizations(chiangMai)).doesNotContain(banPhai);
        // Declined is closed: the organization may ask again later.
        assertThat(membership.requestToJoin(chiangMai, banPhai, "อีกครั้ง").status())
                .isEqualTo(MembershipRequest.Status.PENDING);
    }

    @Test
    void removedMemberLosesAccessToAMembersOnlyNetworkAndItsPositionsEnd() {
        TestUsers.signInAs(accounts, "thanakorn");
        OrganizationId donHan = org("4001301");
        MembershipRequest invitation = membership.invite(summit, donHan, null);
        TestUsers.signInAs(accounts, "kittipong");
        membership.acceptInvitation(summit, invitation.id());
        assertThat(networks.details(summit).isMember()).isTrue();
        Person kittipong = people.me().orElseThrow();

        TestUsers.signInAs(accounts, "thanakorn");
        charters.assignPosition(summit, NetworkPosition.COMMITTEE_MEMBER, kittipong.id());
        assertThatThrownBy(() -> membership.remove(summit, donHan, ""))
                .hasMessageContaining("validation.required");
        membership.remove(summit, donHan, "จบภารกิจแล้ว");
        assertThat(networks.details(summit).positions()).extracting(PositionHolder::personId)
                .doesNotContain(kittipong.id());

        TestUsers.signInAs(accounts, "kittipong");
        assertThatThrownBy(() -> networks.details(summit)).isInstanceOf(AccessDeniedException.class);
        assertThat(networks.browse(null, null)).extracting(Network::id).doesNotContain(summit);
        assertThat(notifications.mine(10)).extracting(Notification::messageKey).contains("notification.removed");
    }

    @Test
    void everyCharterChangeIsAVersionMembersCanRead() {
        TestUsers.signInAs(accounts, "boonmee");
        Charter before = networks.details(khonKaen).charter();
        Charter after = charters.updateCharter(khonKaen, before.vision(),
                List.of("ถอดบทเรียนโครงการที่ได้รับรางวัล เพื่อขยายผลสู่องค์กรอื่น",
                        "แลกเปลี่ยนนวัตกรรมและแนวปฏิบัติที่ดีระหว่างสมาชิก",
                        "ร่วมกันดูแลเด็ก เยาวชน และผู้สูงอายุในชุมชน",
                        "ประชุมวิชาการทุกเดือน"), before.version());
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThatThrownBy(() -> charters.updateCharter(khonKaen, "วิสัยทัศน์ใหม่", List.of(), before.version()))
                .hasMessageContaining("network.error.charterConflict");

        TestUsers.signInAs(accounts, "kittipong");
        CharterChange latest = charters.history(khonKaen).getFirst();
        assertThat(latest.version()).isEqualTo(after.version());
        assertThat(latest.byName()).isEqualTo("นายบุญมี ชัยศรี");
        assertThat(latest.changes()).extracting(CharterChange.Change::key)
                .contains("network.history.goalMoved", "network.history.goalAdded");
        assertThatThrownBy(() -> charters.updateCharter(khonKaen, "x", List.of(), after.version()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyOneChairAtATimeAndPositionsAreForMemberOrganizations() {
        TestUsers.signInAs(accounts, "boonmee");
        Person rattana = SystemRunner.call(() -> people.byAccount(accounts.findByUsername("rattana").orElseThrow().id()))
                .orElseThrow();
        Person somsak = SystemRunner.call(() -> people.byAccount(accounts.findByUsername("somsak").orElseThrow().id()))
                .orElseThrow();
        assertThatThrownBy(() -> charters.assignPosition(khonKaen, NetworkPosition.ADVISOR, somsak.id()))
                .hasMessageContaining("network.error.positionOutsideMembers");
        int versionBefore = networks.details(khonKaen).charter().version();
        charters.assignPosition(khonKaen, NetworkPosition.CHAIR, rattana.id());
        List<PositionHolder> chairs = networks.details(khonKaen).positions().stream()
                .filter(p -> p.position() == NetworkPosition.CHAIR).toList();
        assertThat(chairs).extracting(PositionHolder::personName).containsExactly("นางรัตนา สุขเจริญ");
        assertThat(networks.details(khonKaen).charter().version()).isEqualTo(versionBefore + 1);
        // boonmee is no longer chair, so no longer administrator; rattana is.
        assertThatThrownBy(() -> charters.assignPosition(khonKaen, NetworkPosition.CHAIR, rattana.id()))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.signInAs(accounts, "rattana");
        assertThat(networks.details(khonKaen).myRole()).contains(NetworkRole.ADMINISTRATOR);
    }

    @Test
    void badInputGetsATranslatedRefusalAndTextIsStoredAsTyped() {
        TestUsers.signInAs(accounts, "nattaya");
        assertThatThrownBy(() -> networks.create(new NetworkForm("ก".repeat(10_000), null, NetworkScope.THEMATIC, null,
                null, NetworkVisibility.PUBLIC))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("validation.tooLong");
        assertThatThrownBy(() -> networks.create(new NetworkForm("   ", null, NetworkScope.THEMATIC, null, null,
                NetworkVisibility.PUBLIC))).hasMessageContaining("validation.required");
        assertThatThrownBy(() -> networks.create(new NetworkForm("ชื่อ", null, NetworkScope.PROVINCIAL, "99", null,
                NetworkVisibility.PUBLIC))).hasMessageContaining("network.error.province");
        String script = "<script>alert('x')</script> เครือข่าย";
        NetworkId id = networks.create(new NetworkForm(script, null, NetworkScope.THEMATIC, null, script,
                NetworkVisibility.PUBLIC));
        assertThat(networks.find(id).nameTh()).isEqualTo(script);
        assertThatThrownBy(() -> networks.details(new NetworkId("{\"$ne\":null}")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> networks.details(new NetworkId("x".repeat(10_000))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
