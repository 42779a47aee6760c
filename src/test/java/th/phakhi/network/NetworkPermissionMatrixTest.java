package th.phakhi.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.audit.AuditService;
import th.phakhi.directory.DirectoryService;
import th.phakhi.directory.OrganizationId;
import th.phakhi.directory.PersonId;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.Permissions;
import th.phakhi.support.TestUsers;

/**
 * Every public method of the network services, called by each kind of user — anonymous, a
 * signed-in non-member, a member, the secretariat, a network administrator, a platform
 * administrator, and a member of another network — with the allowed ones listed and every other
 * one asserted to be refused. Runs in its own application context because some allowed calls
 * change data.
 */
@SpringBootTest(properties = "phakhi.test.context=network-matrix")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkPermissionMatrixTest {

    /** The actors, by demo user; "anonymous" is nobody signed in. */
    static final String ANONYMOUS = "anonymous";
    static final String NON_MEMBER = "somsak";          // mayor of Mae Hia, outside the Chiang Mai network
    static final String MEMBER = "anucha";              // SAO On Tai, committee member (member role)
    static final String SECRETARIAT = "kamonwan";       // secretariat of the Chiang Mai network
    static final String ADMINISTRATOR = "wichai";       // secretary-general of the Chiang Mai network
    static final String PLATFORM_ADMIN = "admin";
    static final String OTHER_NETWORK = "rattana";      // member of the Khon Kaen network only
    static final List<String> ACTORS = List.of(ANONYMOUS, NON_MEMBER, MEMBER, SECRETARIAT, ADMINISTRATOR,
            PLATFORM_ADMIN, OTHER_NETWORK);
    static final Set<String> SIGNED_IN = Set.of(NON_MEMBER, MEMBER, SECRETARIAT, ADMINISTRATOR, PLATFORM_ADMIN,
            OTHER_NETWORK);

    @Autowired
    NetworkService networks;
    @Autowired
    MembershipService membership;
    @Autowired
    CharterService charters;
    @Autowired
    AuditService audit;
    @Autowired
    AccountService accounts;
    @Autowired
    DirectoryService directory;

    NetworkId chiangMai;
    NetworkId summit;
    OrganizationId maeHia;

    @BeforeEach
    void findDemoData() {
        SystemRunner.run(() -> {
            chiangMai = networkNamed("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่");
            summit = networkNamed("คณะทำงานเตรียมการประชุมสุดยอดท้องถิ่น");
            maeHia = directory.findByCode("5001101").orElseThrow().id();
        });
    }

    private NetworkId networkNamed(String name) {
        return networks.browse(null, null).stream().filter(n -> n.nameTh().equals(name)).findFirst().orElseThrow().id();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void check(String operation, Set<String> allowed, Consumer<String> call) {
        Permissions.assertMatrix(accounts, ACTORS, operation, allowed, call);
    }

    @Test
    void readingAPublicNetwork() {
        check("find", SIGNED_IN, a -> networks.find(chiangMai));
        check("details", SIGNED_IN, a -> networks.details(chiangMai));
        check("memberOrganizations", SIGNED_IN, a -> networks.memberOrganizations(chiangMai));
        check("browse", SIGNED_IN, a -> networks.browse("เชียงใหม่", null));
        check("myNetworks", SIGNED_IN, a -> networks.myNetworks());
    }

    @Test
    void aMembersOnlyNetworkExistsOnlyForItsMembers() {
        // thanakorn's group: only Khon Kaen City Municipality is a member; none of the actors is.
        check("find members-only", Set.of(PLATFORM_ADMIN), a -> networks.find(summit));
        check("details members-only", Set.of(PLATFORM_ADMIN), a -> networks.details(summit));
        check("memberOrganizations members-only", Set.of(PLATFORM_ADMIN), a -> networks.memberOrganizations(summit));
        check("history members-only", Set.of(PLATFORM_ADMIN), a -> charters.history(summit));
        check("request to join members-only", Set.of(), a -> membership.requestToJoin(summit, maeHia, "x"));
        for (String actor : List.of(NON_MEMBER, MEMBER, OTHER_NETWORK)) {
            TestUsers.signInAs(accounts, actor);
            assertThat(networks.browse(null, null)).extracting(Network::id).doesNotContain(summit);
            assertThat(networks.browse("ประชุมสุดยอด", null)).isEmpty();
        }
    }

    @Test
    void charterHistoryIsForMembers() {
        check("history", Set.of(MEMBER, SECRETARIAT, ADMINISTRATOR, PLATFORM_ADMIN), a -> charters.history(chiangMai));
    }

    @Test
    void administratorsChangeTheNetworkCharterAndStructure() {
        Set<String> admins = Set.of(ADMINISTRATOR, PLATFORM_ADMIN);
        // Each allowed call fails after the security check (stale version, unknown person or position, blank name).
        check("update", admins, a -> networks.update(chiangMai, new NetworkForm("", null, NetworkScope.PROVINCIAL,
                "50", null, NetworkVisibility.PUBLIC)));
        check("updateCharter", admins, a -> charters.updateCharter(chiangMai, "v", List.of("g"), -1));
        check("assignPosition", admins, a -> charters.assignPosition(chiangMai, NetworkPosition.ADVISOR,
                new PersonId("no-such-person")));
        check("removePosition", admins, a -> charters.removePosition(chiangMai, "no-such-position"));
        check("remove member", admins, a -> membership.remove(chiangMai, maeHia, "reason"));
        check("audit log", admins, a -> audit.entries("network:" + chiangMai.value(), 10));
    }

    @Test
    void theSecretariatHandlesMembership() {
        Set<String> secretariat = Set.of(SECRETARIAT, ADMINISTRATOR, PLATFORM_ADMIN);
        check("requests", secretariat, a -> membership.requests(chiangMai, true));
        check("approve", secretariat, a -> membership.approve(chiangMai, "no-such-request"));
        check("decline", secretariat, a -> membership.decline(chiangMai, "no-such-request", "reason"));
        check("invite", secretariat, a -> membership.invite(chiangMai, new OrganizationId("no-such-org"), null));
    }

    @Test
    @Order(Integer.MAX_VALUE) // changes memberships: after the tests that read them
    void onlyAnOrganizationsRepresentativeAsksToJoinForIt() {
        // Only somsak represents Mae Hia; the others are refused even though they are leaders elsewhere.
        check("requestToJoin for Mae Hia", Set.of(NON_MEMBER), a -> membership.requestToJoin(chiangMai, maeHia, "x"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // changes memberships: after the tests that read them
    void requestsAndInvitationsAreAnsweredOnlyByTheirOrganization() {
        OrganizationId banPhai = accountsOrganization(OTHER_NETWORK);
        TestUsers.signInAs(accounts, ADMINISTRATOR);
        MembershipRequest invitation = membership.invite(chiangMai, banPhai, "ขอเชิญ");
        // rattana (Ban Phai's leader) comes last among the actors, so the refused attempts come first.
        check("acceptInvitation", Set.of(OTHER_NETWORK), a -> membership.acceptInvitation(chiangMai, invitation.id()));
        check("declineInvitation of another network's id", Set.of(),
                a -> membership.declineInvitation(summit, invitation.id(), null));
        check("withdraw someone else's", Set.of(), a -> membership.withdraw(chiangMai, invitation.id() + "x"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // changes memberships: after the tests that read them
    void leadersAndPlatformAdministratorsCreateNetworks() {
        List<String> created = new ArrayList<>();
        check("create", Set.of(NON_MEMBER, MEMBER, ADMINISTRATOR, PLATFORM_ADMIN, OTHER_NETWORK),
                a -> created.add(networks.create(new NetworkForm("เครือข่ายทดสอบ " + a, null, NetworkScope.THEMATIC,
                        null, null, NetworkVisibility.MEMBERS_ONLY)).value()));
        assertThat(created).hasSize(5);
    }

    @Test
    @Order(Integer.MAX_VALUE) // changes memberships: after the tests that read them
    void onlyAMembersRepresentativeMakesItLeave() {
        OrganizationId onTai = accountsOrganization(MEMBER);
        // Everyone but On Tai's own leader is refused; the leader's call is the one that works.
        check("leave for On Tai", Set.of(MEMBER), a -> membership.leave(chiangMai, onTai));
        TestUsers.signInAs(accounts, ADMINISTRATOR);
        assertThat(networks.memberOrganizations(chiangMai)).doesNotContain(onTai);
    }

    private OrganizationId accountsOrganization(String username) {
        String code = switch (username) {
            case "rattana" -> "4010101";
            case "anucha" -> "5007301";
            default -> throw new IllegalArgumentException(username);
        };
        return SystemRunner.call(() -> directory.findByCode(code).orElseThrow().id());
    }
}
