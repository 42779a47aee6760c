package th.phakhi.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.directory.ImportReport.ImportProblem;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.TestUsers;
import th.phakhi.tools.SyntheticRegistry;

/** Importing the registry: all or nothing, problems by line and column, re-import updates. */
@SpringBootTest(properties = {"phakhi.test.context=import", "phakhi.demo.enabled=false"})
@ActiveProfiles("test")
class OrganizationImportTest {

    static final String HEADER = "code,type,name_th,name_en,province,district_th,district_en,population_male,"
            + "population_female,vision,executives\n";

    @Autowired
    DirectoryService directory;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AccountService accounts;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private ImportReport importText(String csv) {
        return importBytes(csv.getBytes(StandardCharsets.UTF_8));
    }

    private ImportReport importBytes(byte[] bytes) {
        return SystemRunner.call(() -> directory.importCsv(new ByteArrayInputStream(bytes)));
    }

    private long organizations() {
        return mongo.getCollection("organizations").countDocuments();
    }

    @Test
    void validFileIsImportedAndReimportingUpdatesInsteadOfDuplicating() {
        String csv = "\uFEFF" + HEADER
                + "7100001,อบต.,องค์การบริหารส่วนตำบลท่าม่วงทดสอบ,Tha Muang Test SAO,กาญจนบุรี,ท่าม่วง,Tha Muang,"
                + "\"1,234\",\"1,300\",\"ตำบลน่าอยู่\nคนมีความสุข\",\"นายหนึ่ง ใจดี|นายก;นางสอง รักดี|ปลัด\"\n"
                + "7100002,TOWN_MUNICIPALITY,เทศบาลเมืองทดสอบ,,71,,,,,,\n";
        long before = organizations();
        ImportReport first = importText(csv);
        assertThat(first.problems()).isEmpty();
        assertThat(first.created()).isEqualTo(2);
        ImportReport second = importText(csv.replace("Tha Muang Test SAO", "Tha Muang SAO"));
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isEqualTo(2);
        assertThat(organizations()).isEqualTo(before + 2);
        OrganizationRecord saved = SystemRunner.call(() -> directory.profile(
                directory.findByCode("7100001").orElseThrow().id())).orElseThrow().details();
        assertThat(saved.nameEn()).isEqualTo("Tha Muang SAO");
        assertThat(saved.type()).isEqualTo(OrganizationType.SAO);
        assertThat(saved.provinceCode()).isEqualTo("71");
        assertThat(saved.populationMale()).isEqualTo(1234);
        assertThat(saved.vision()).isEqualTo("ตำบลน่าอยู่\nคนมีความสุข");
        assertThat(saved.executiveTeam()).extracting(OrganizationRecord.ExecutiveMember::position)
                .containsExactly("นายก", "ปลัด");
    }

    @Test
    void anyInvalidRowMeansNothingIsImportedAndEveryProblemIsReportedByLineAndColumn() {
        String csv = HEADER
                + "7200001,SAO,องค์การบริหารส่วนตำบลดีหนึ่ง,,72,,,,,\"สอง\nบรรทัด\",\n"   // lines 2-3, valid
                + "abc,SAO,องค์การบริหารส่วนตำบลผิดรหัส,,72,,,,,,\n"                  // line 4: code
                + "7200003,VILLAGE,หมู่บ้าน,,72,,,,,,\n"                                // line 5: type
                + "7200004,SAO,,,จังหวัดสมมติ,,,-5,x,,\n"                               // line 6: name, province, numbers
                + "7200001,SAO,องค์การบริหารส่วนตำบลซ้ำ,,72,,,,,,\n";                   // line 7: duplicate code
        long before = organizations();
        ImportReport report = importText(csv);
        assertThat(report.succeeded()).isFalse();
        assertThat(organizations()).isEqualTo(before);
        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::column).contains(
                org.assertj.core.groups.Tuple.tuple(4, "code"),
                org.assertj.core.groups.Tuple.tuple(5, "type"),
                org.assertj.core.groups.Tuple.tuple(6, "name_th"),
                org.assertj.core.groups.Tuple.tuple(6, "province"),
                org.assertj.core.groups.Tuple.tuple(6, "population_male"),
                org.assertj.core.groups.Tuple.tuple(6, "population_female"),
                org.assertj.core.groups.Tuple.tuple(7, "code"));
        assertThat(report.problems()).noneMatch(p -> p.line() == 2 || p.line() == 3);
    }

    @Test
    void unknownAndMissingColumnsAreReportedOnTheHeaderLine() {
        ImportReport report = importText("code,type,name,province\n1234567,SAO,x,72\n");
        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::messageKey).contains(
                org.assertj.core.groups.Tuple.tuple(1, "import.error.unknownColumn"),
                org.assertj.core.groups.Tuple.tuple(1, "import.error.missingColumn"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAClearMessage() {
        byte[] tis620 = (HEADER + "7300001,SAO,องค์การบริหารส่วนตำบลทดสอบ,,73,,,,,,\n")
                .getBytes(Charset.forName("TIS-620"));
        assertThat(importBytes(tis620).problems()).extracting(ImportProblem::messageKey)
                .containsExactly("import.error.encoding");
        assertThat(importText("").problems()).isNotEmpty();
    }

    @Test
    void onlyPlatformAdministratorsImport() {
        String csv = HEADER + "7400001,SAO,องค์การบริหารส่วนตำบลแอบนำเข้า,,74,,,,,,\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        TestUsers.signIn(new th.phakhi.security.AccountId("someone"), "someone");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.importOrganizations(List.of(), 2))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        TestUsers.signIn(new th.phakhi.security.AccountId("root"), "root", th.phakhi.security.Role.PLATFORM_ADMIN);
        assertThat(directory.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).created())
                .isEqualTo(1);
    }

    @Test
    void theNationalSizeSyntheticRegistryImportsCompletely() {
        String csv = SyntheticRegistry.csv(7_850, 2569);
        long before = organizations();
        ImportReport report = importText(csv);
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(7_850);
        assertThat(organizations()).isEqualTo(before + 7_850);
        assertThat(SystemRunner.call(() -> directory.search(null, null, OrganizationType.PAO, 200))).hasSize(76);
        ImportReport again = importText(csv);
        assertThat(again.updated()).isEqualTo(7_850);
        assertThat(organizations()).isEqualTo(before + 7_850);
        List<Organization> found = SystemRunner.call(() -> directory.search("องค์การบริหารส่วนจังหวัดขอนแก่น", null, null, 10));
        assertThat(found).extracting(Organization::nameTh).contains("องค์การบริหารส่วนจังหวัดขอนแก่น");
    }
}
