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
import th.phakhi.security.Account;
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

    DemoData(@Value("${phakhi.demo.enabled:}") String enabled, DatabaseMode databaseMode, MongoTemplate mongo,
             AccountService accounts, DirectoryService directory, PeopleService people) {
        this.enabled = enabled == null || enabled.isBlank() ? databaseMode.embedded() : Boolean.parseBoolean(enabled);
        this.mongo = mongo;
        this.accounts = accounts;
        this.directory = directory;
        this.people = people;
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
