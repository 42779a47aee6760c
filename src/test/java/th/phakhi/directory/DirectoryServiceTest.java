package th.phakhi.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.shared.UserFacingException;
import th.phakhi.support.TestUsers;

/** Searching organizations and people in Thai, profiles and who may edit them, contact visibility. */
@SpringBootTest(properties = "phakhi.test.context=directory")
@ActiveProfiles("test")
class DirectoryServiceTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    PeopleService people;
    @Autowired
    AccountService accounts;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private List<String> names(String text, String province, OrganizationType type) {
        return directory.search(text, province, type, 50).stream().map(Organization::nameTh).toList();
    }

    private OrganizationId org(String code) {
        return SystemRunner.call(() -> directory.findByCode(code).orElseThrow().id());
    }

    @Test
    void organizationSearchSegmentsThai() {
        TestUsers.signInAs(accounts, "somsak");
        assertThat(names("เชียงใหม่", null, null)).contains("เทศบาลนครเชียงใหม่", "องค์การบริหารส่วนจังหวัดเชียงใหม่");
        assertThat(names("ขอนแก่น", null, null)).contains("องค์การบริหารส่วนจังหวัดขอนแก่น", "เทศบาลนครขอนแก่น");
        assertThat(names("อบจ.ขอนแก่น", null, null).getFirst()).isEqualTo("องค์การบริหารส่วนจังหวัดขอนแก่น");
        assertThat(names("Khon Kaen City", null, null)).containsExactly("เทศบาลนครขอนแก่น");
        assertThat(names("แม่ริม", "50", OrganizationType.SAO))
                .containsExactlyInAnyOrder("องค์การบริหารส่วนตำบลโป่งแยง", "องค์การบริหารส่วนตำบลสะลวง");
        assertThat(names("เชียงใหม่", "40", null)).isEmpty();
        assertThat(names(null, "40", OrganizationType.TOWN_MUNICIPALITY)).hasSize(5);
        assertThat(names("ก", null, null)).isEmpty();
        assertThat(names("{\"$ne\":null}", null, null)).isEmpty();
    }

    @Test
    void anonymousCannotSearchOrReadProfiles() {
        assertThatThrownBy(() -> directory.search("เชียงใหม่", null, null, 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> people.search("ขยะ", null, 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void peopleAreFoundByExpertiseInsideLongerTags() {
        TestUsers.signInAs(accounts, "somsak");
        assertThat(people.search("ขยะ", null, 20)).extracting(Person::firstName)
                .contains("ณัฐยา", "วิชัย", "กิตติพงษ์");
        assertThat(people.search("เทศบาลนครขอนแก่น", null, 20)).extracting(Person::firstName)
                .contains("ธนากร", "พิมพ์ชนก");
        assertThat(people.search("ธนาคารขยะ", null, 20)).extracting(Person::firstName).containsExactly("กิตติพงษ์");
    }

    @Test
    void contactDetailsFollowEachPersonsChoice() {
        // somsak's Mae Hia shares no network with anyone in the demo.
        TestUsers.signInAs(accounts, "somsak");
        Person nattaya = people.search("ณัฐยา", null, 5).getFirst();      // EVERYONE
        Person wichai = people.search("วิชัย", null, 5).getFirst();        // SHARED_NETWORKS
        Person kittipong = people.search("กิตติพงษ์", null, 5).getFirst(); // NOBODY
        assertThat(nattaya.phone()).isNotNull();
        assertThat(wichai.contactHidden()).isTrue();
        assertThat(wichai.phone()).isNull();
        assertThat(kittipong.contactHidden()).isTrue();

        // anucha shares the Chiang Mai network with wichai, but not kittipong's choice of nobody.
        TestUsers.signInAs(accounts, "anucha");
        assertThat(people.search("วิชัย", null, 5).getFirst().phone()).isEqualTo("053-000-201");
        assertThat(people.search("กิตติพงษ์", null, 5).getFirst().contactHidden()).isTrue();

        TestUsers.signInAs(accounts, "kittipong");
        assertThat(people.me().orElseThrow().phone()).isEqualTo("043-000-401");
        TestUsers.signInAs(accounts, "admin");
        assertThat(people.search("กิตติพงษ์", null, 5).getFirst().phone()).isEqualTo("043-000-401");
    }

    @Test
    void profileShowsNetworksAndIsEditableByItsOwnAdministratorsOnly() {
        OrganizationId khonKaenCity = org("4001001");
        TestUsers.signInAs(accounts, "rattana");
        OrganizationProfile profile = directory.profile(khonKaenCity).orElseThrow();
        assertThat(profile.details().populationMale()).isEqualTo(52_866);
        assertThat(profile.networks()).extracting(NetworkMemberships.NetworkRef::nameTh)
                .contains("เครือข่ายองค์กรปกครองส่วนท้องถิ่นจังหวัดขอนแก่น")
                .doesNotContain("คณะทำงานเตรียมการประชุมสุดยอดท้องถิ่น");
        assertThat(profile.editable()).isFalse();
        OrganizationRecord changed = withVision(profile.details(), "วิสัยทัศน์ที่ไม่ได้รับอนุญาต");
        assertThatThrownBy(() -> directory.updateProfile(khonKaenCity, changed)).isInstanceOf(AccessDeniedException.class);

        // The leader edits; registry identity stays as imported even if the form says otherwise.
        TestUsers.signInAs(accounts, "thanakorn");
        assertThat(directory.profile(khonKaenCity).orElseThrow().networks()).extracting(NetworkMemberships.NetworkRef::nameTh)
                .contains("คณะทำงานเตรียมการประชุมสุดยอดท้องถิ่น");
        OrganizationRecord renamed = new OrganizationRecord("9999999", OrganizationType.SAO, "ชื่อใหม่", null,
                "50", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "<b>เมืองน่าอยู่</b>", List.of());
        directory.updateProfile(khonKaenCity, renamed);
        OrganizationRecord saved = directory.profile(khonKaenCity).orElseThrow().details();
        assertThat(saved.code()).isEqualTo("4001001");
        assertThat(saved.nameTh()).isEqualTo("เทศบาลนครขอนแก่น");
        assertThat(saved.vision()).isEqualTo("<b>เมืองน่าอยู่</b>");

        // A staff member is not an administrator until the leader delegates them.
        TestUsers.signInAs(accounts, "pimchanok");
        assertThatThrownBy(() -> directory.updateProfile(khonKaenCity, saved)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signInAs(accounts, "thanakorn");
        Person pimchanok = people.search("พิมพ์ชนก", null, 5).getFirst();
        directory.setDelegates(khonKaenCity, List.of(pimchanok.id()));
        TestUsers.signInAs(accounts, "pimchanok");
        directory.updateProfile(khonKaenCity, withVision(saved, "พัฒนาเมืองสู่สากล สร้างสังคมแห่งความสุข"));
        assertThatThrownBy(() -> directory.setDelegates(khonKaenCity, List.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void invalidProfileValuesComeBackFieldByField() {
        TestUsers.signInAs(accounts, "boonmee");
        OrganizationId pao = org("4000001");
        OrganizationRecord current = directory.profile(pao).orElseThrow().details();
        OrganizationRecord bad = new OrganizationRecord(current.code(), current.type(), current.nameTh(), current.nameEn(),
                current.provinceCode(), null, null, "ก".repeat(10_000), "123", "not a phone", null, "nobody", "ftp://x",
                -1, null, null, null, null, null, null, null, null, List.of());
        assertThatThrownBy(() -> directory.updateProfile(pao, bad))
                .isInstanceOfSatisfying(InvalidOrganizationException.class, e ->
                        assertThat(e.problems()).extracting(ImportReport.ImportProblem::column)
                                .contains("address", "postcode", "phone", "email", "website", "population_male"));
    }

    @Test
    void peopleEditTheirOwnEntryAndNobodyElses() {
        TestUsers.signInAs(accounts, "anucha");
        Person me = people.me().orElseThrow();
        Person updated = people.updatePerson(me.id(), new PersonUpdate(me.title(), me.firstName(), me.lastName(),
                me.position(), me.positionDetail(), me.responsibilities(), List.of("ท่องเที่ยวชุมชน", "วิสาหกิจชุมชน"),
                me.phone(), me.email(), "anucha.line", ContactVisibility.EVERYONE));
        assertThat(updated.lineId()).isEqualTo("anucha.line");
        Person somsak = people.search("สมศักดิ์", null, 5).getFirst();
        assertThatThrownBy(() -> people.updatePerson(somsak.id(), new PersonUpdate(null, "x", "y", null, null, null,
                null, null, null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.updatePerson(me.id(), new PersonUpdate(null, "", "y", null, null, null, null,
                null, "not-an-email", null, null))).isInstanceOf(UserFacingException.class);
    }

    private static OrganizationRecord withVision(OrganizationRecord r, String vision) {
        return new OrganizationRecord(r.code(), r.type(), r.nameTh(), r.nameEn(), r.provinceCode(), r.districtTh(),
                r.districtEn(), r.address(), r.postcode(), r.phone(), r.fax(), r.email(), r.website(),
                r.populationMale(), r.populationFemale(), r.areaKm2(), r.communities(), r.revenueBaht(),
                r.subsidiesBaht(), r.councilSeatsMale(), r.councilSeatsFemale(), vision, r.executiveTeam());
    }
}
