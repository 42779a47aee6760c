package th.phakhi.workinggroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import th.phakhi.directory.PeopleService;
import th.phakhi.directory.Person;
import th.phakhi.network.MembershipService;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.notification.Notification;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.Permissions;
import th.phakhi.support.TestUsers;

/** Working groups: who may create, manage, join and see them; closing; leaving the network. */
@SpringBootTest(properties = "phakhi.test.context=working-groups")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkingGroupServiceTest {

    @Autowired
    WorkingGroupService groups;
    @Autowired
    NetworkService networks;
    @Autowired
    MembershipService membership;
    @Autowired
    PeopleService people;
    @Autowired
    AccountService accounts;
    @Autowired
    NotificationService notifications;

    NetworkId chiangMai;
    WorkingGroupId waste;

    // anonymous; somsak (outside); rattana (other network); kamonwan (secretariat, not in the group);
    // anucha (group member); nattaya (group lead); wichai (network administrator, also a member)
    static final List<String> ACTORS = List.of("anonymous", "somsak", "rattana", "kamonwan", "anucha", "nattaya", "wichai");

    @BeforeEach
    void ids() {
        SystemRunner.run(() -> {
            chiangMai = networks.browse(null, null).stream()
                    .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                    .findFirst().orElseThrow().id();
            waste = groups.groupsOf(chiangMai).stream().filter(g -> g.name().equals("คณะทำงานการจัดการขยะและสิ่งแวดล้อม"))
                    .findFirst().orElseThrow().id();
        });
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Person person(String username) {
        return SystemRunner.call(() -> people.byAccount(accounts.findByUsername(username).orElseThrow().id())).orElseThrow();
    }

    private void check(String operation, Set<String> allowed, Consumer<String> call) {
        Permissions.assertMatrix(accounts, ACTORS, operation, allowed, call);
    }

    @Test
    @Order(1)
    void permissionMatrix() {
        Set<String> networkMembers = Set.of("kamonwan", "anucha", "nattaya", "wichai");
        Set<String> managers = Set.of("nattaya", "wichai");
        WorkingGroupForm invalid = new WorkingGroupForm("", null, null, List.of());
        check("create", Set.of("wichai"), a -> groups.create(chiangMai, invalid));
        check("update", managers, a -> groups.update(waste, invalid));
        check("groupsOf", networkMembers, a -> groups.groupsOf(chiangMai));
        check("find", networkMembers, a -> groups.find(waste));
        check("requestToJoin (members get 'already a member')", networkMembers, a -> groups.requestToJoin(waste));
        check("approveJoin", managers, a -> groups.approveJoin(waste, new th.phakhi.directory.PersonId("nobody")));
        check("declineJoin", managers, a -> groups.declineJoin(waste, new th.phakhi.directory.PersonId("nobody")));
        check("removeMember (the lead stays)", managers, a -> groups.removeMember(waste, person("nattaya").id()));
        check("myGroups", Set.of("somsak", "rattana", "kamonwan", "anucha", "nattaya", "wichai"), a -> groups.myGroups());
    }

    @Test
    @Order(2)
    void aNetworkMemberAsksToJoinAndTheLeadApproves() {
        Person kamonwan = person("kamonwan");
        TestUsers.signInAs(accounts, "kamonwan");
        groups.requestToJoin(waste);
        assertThat(groups.find(waste).pendingJoins()).contains(kamonwan.id());
        TestUsers.signInAs(accounts, "nattaya");
        assertThat(notifications.mine(5)).extracting(Notification::messageKey).contains("notification.wgJoinRequested");
        groups.approveJoin(waste, kamonwan.id());
        assertThat(groups.find(waste).members()).contains(kamonwan.id());
        TestUsers.signInAs(accounts, "kamonwan");
        assertThat(groups.myGroups()).extracting(WorkingGroup::id).contains(waste);
    }

    @Test
    @Order(3)
    void membersComeFromTheNetworkAndAClosedGroupTakesNoNewMembers() {
        TestUsers.signInAs(accounts, "wichai");
        assertThatThrownBy(() -> groups.create(chiangMai, new WorkingGroupForm("คณะทำงานทดสอบ", null,
                person("wichai").id(), List.of(person("rattana").id())))).hasMessageContaining("wg.error.outsideNetwork");
        WorkingGroupId id = groups.create(chiangMai, new WorkingGroupForm("<b>คณะทำงานทดสอบ</b>", "ขอบเขตงาน",
                person("wichai").id(), List.of(person("anucha").id())));
        assertThat(groups.find(id).name()).isEqualTo("<b>คณะทำงานทดสอบ</b>");
        groups.setStatus(id, WorkingGroup.Status.CLOSED);
        TestUsers.signInAs(accounts, "nattaya");
        assertThatThrownBy(() -> groups.requestToJoin(id)).hasMessageContaining("wg.error.closed");
    }

    @Test
    @Order(100)
    void whenAnOrganizationLeavesTheNetworkItsPeopleLeaveItsGroups() {
        TestUsers.signInAs(accounts, "anucha");
        assertThat(groups.myGroups()).extracting(WorkingGroup::id).contains(waste);
        membership.leave(chiangMai, person("anucha").organizationId());
        assertThat(groups.myGroups()).isEmpty();
        TestUsers.signInAs(accounts, "nattaya");
        assertThat(groups.find(waste).members()).doesNotContain(person("anucha").id());
    }
}
