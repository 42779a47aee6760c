package th.phakhi.directory;


import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.audit.AuditService;
import th.phakhi.notification.NotificationService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.Permissions;
import th.phakhi.support.TestUsers;

/**
 * Every public method of the directory, audit and notification services, called by anonymous, an
 * ordinary leader of another organization, the organization's leader, a staff member of it, a
 * delegate, and a platform administrator; allowed callers listed, every other one refused.
 * Allowed calls that would change data are given input that fails after the security check.
 */
@SpringBootTest(properties = "phakhi.test.context=directory-matrix")
@ActiveProfiles("test")
class DirectoryPermissionMatrixTest {

    static final String ANONYMOUS = "anonymous";
    static final String OTHER_LEADER = "somsak";     // leader of Mae Hia, another organization
    static final String LEADER = "thanakorn";        // leader of Khon Kaen City Municipality
    static final String STAFF = "pimchanok";         // staff of Khon Kaen City, not delegated
    static final String DELEGATE = "suda";           // clerk and delegate of Nong Pa Khrang (used as "self" for people)
    static final String PLATFORM_ADMIN = "admin";
    static final List<String> ACTORS = List.of(ANONYMOUS, OTHER_LEADER, LEADER, STAFF, DELEGATE, PLATFORM_ADMIN);
    static final Set<String> SIGNED_IN = Set.of(OTHER_LEADER, LEADER, STAFF, DELEGATE, PLATFORM_ADMIN);

    @Autowired
    DirectoryService directory;
    @Autowired
    PeopleService people;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationService notifications;
    @Autowired
    AccountService accounts;

    OrganizationId khonKaenCity;
    OrganizationId nongPaKhrang;
    PersonId pimchanok;

    @BeforeEach
    void ids() {
        SystemRunner.run(() -> {
            khonKaenCity = directory.findByCode("4001001").orElseThrow().id();
            nongPaKhrang = directory.findByCode("5001203").orElseThrow().id();
            pimchanok = people.search("พิมพ์ชนก", null, 1).getFirst().id();
        });
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void check(String operation, Set<String> allowed, Consumer<String> call) {
        Permissions.assertMatrix(accounts, ACTORS, operation, allowed, call);
    }

    @Test
    void readingTheDirectoryNeedsASignedInUser() {
        check("search", SIGNED_IN, a -> directory.search("ขอนแก่น", null, null, 5));
        check("find", SIGNED_IN, a -> directory.find(khonKaenCity));
        check("findByCode", SIGNED_IN, a -> directory.findByCode("4001001"));
        check("profile", SIGNED_IN, a -> directory.profile(khonKaenCity));
        check("organizations", SIGNED_IN, a -> directory.organizations(List.of(khonKaenCity)));
        check("count", SIGNED_IN, a -> directory.count());
        check("people search", SIGNED_IN, a -> people.search("ขยะ", null, 5));
        check("people find", SIGNED_IN, a -> people.find(pimchanok));
        check("peopleOf", SIGNED_IN, a -> people.peopleOf(khonKaenCity));
        check("people by ids", SIGNED_IN, a -> people.people(List.of(pimchanok)));
        check("byAccount", SIGNED_IN, a -> people.byAccount(null));
        check("representativeAccounts", SIGNED_IN, a -> people.representativeAccounts(khonKaenCity));
        check("me", SIGNED_IN, a -> people.me());
    }

    @Test
    void anOrganizationsProfileAndPeopleAreEditedByItsAdministrators() {
        OrganizationRecord invalid = OrganizationRecord.basic("", null, "", null, null, null, null);
        check("updateProfile", Set.of(LEADER, PLATFORM_ADMIN), a -> directory.updateProfile(khonKaenCity, invalid));
        check("setDelegates", Set.of(LEADER, PLATFORM_ADMIN),
                a -> directory.setDelegates(khonKaenCity, List.of(new PersonId("not-a-person"))));
        check("createPerson", Set.of(LEADER, PLATFORM_ADMIN), a -> people.createPerson(new NewPerson(khonKaenCity, null,
                null, "", "", null, null, null, null, null, null, null, null)));
        check("updatePerson of pimchanok", Set.of(LEADER, STAFF, PLATFORM_ADMIN), a -> people.updatePerson(pimchanok,
                new PersonUpdate(null, "", "", null, null, null, null, null, null, null, null)));
        // A delegate acts for their own organization like its leader.
        check("createPerson in Nong Pa Khrang", Set.of(DELEGATE, PLATFORM_ADMIN), a -> people.createPerson(
                new NewPerson(nongPaKhrang, null, null, "", "", null, null, null, null, null, null, null, null)));
        check("setDelegates of Nong Pa Khrang", Set.of(PLATFORM_ADMIN),
                a -> directory.setDelegates(nongPaKhrang, List.of(new PersonId("not-a-person"))));
    }

    @Test
    void onlyPlatformAdministratorsImportAndReadThePlatformLog() {
        check("importCsv", Set.of(PLATFORM_ADMIN), a -> directory.importCsv(new ByteArrayInputStream(new byte[0])));
        check("importOrganizations", Set.of(PLATFORM_ADMIN), a -> directory.importOrganizations(List.of(), 2));
        check("platform audit log", Set.of(PLATFORM_ADMIN), a -> audit.entries(AuditService.PLATFORM, 5));
    }

    @Test
    void notificationsAreEachUsersOwn() {
        check("mine", SIGNED_IN, a -> notifications.mine(5));
        check("unreadCount", SIGNED_IN, a -> notifications.unreadCount());
        check("markRead", SIGNED_IN, a -> notifications.markRead("someone-elses-id"));
        check("markAllRead", SIGNED_IN, a -> notifications.markAllRead());
        check("record audit", SIGNED_IN, a -> audit.record("test", "audit.test", Map.of()));
    }
}
