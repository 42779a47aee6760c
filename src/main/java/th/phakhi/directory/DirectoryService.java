package th.phakhi.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.directory.ImportReport.ImportProblem;
import th.phakhi.directory.internal.OrganizationDocument;
import th.phakhi.directory.internal.OrganizationRepository;
import th.phakhi.directory.internal.OrganizationValidator;
import th.phakhi.shared.text.ThaiText;

/** The organization registry: search, profiles, and import by platform administrators. */
@Service
public class DirectoryService {

    public static final int MAX_RESULTS = 200;

    private final OrganizationRepository organizations;
    private final MongoTemplate mongo;
    private final Clock clock;

    DirectoryService(OrganizationRepository organizations, MongoTemplate mongo, Clock clock) {
        this.organizations = organizations;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Organizations matching a text (Thai or English, segmented as {@link ThaiText} describes),
     * optionally within a province and of a type; best matches first, at most {@code limit}.
     */
    @PreAuthorize("isAuthenticated()")
    public List<Organization> search(String text, String provinceCode, OrganizationType type, int limit) {
        int max = Math.clamp(limit, 1, MAX_RESULTS);
        List<String> terms = ThaiText.terms(text);
        Query query = new Query();
        if (provinceCode != null && !provinceCode.isBlank()) {
            query.addCriteria(Criteria.where("provinceCode").is(provinceCode));
        }
        if (type != null) {
            query.addCriteria(Criteria.where("type").is(type));
        }
        if (terms.isEmpty()) {
            if (text != null && !text.isBlank()) {
                return List.of();
            }
            query.with(org.springframework.data.domain.Sort.by("provinceCode", "type", "nameTh")).limit(max);
            return mongo.find(query, OrganizationDocument.class).stream().map(OrganizationDocument::toOrganization).toList();
        }
        query.addCriteria(Criteria.where("searchGrams").all(ThaiText.queryGrams(terms)));
        query.fields().exclude("searchGrams", "executiveTeam", "vision");
        record Hit(OrganizationDocument doc, double score) {
        }
        return mongo.find(query, OrganizationDocument.class).stream()
                .filter(doc -> ThaiText.matches(terms, doc.searchText()))
                .map(doc -> new Hit(doc, ThaiText.score(terms, doc.searchText())))
                .sorted(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.doc().nameTh))
                .limit(max)
                .map(h -> h.doc().toOrganization())
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<Organization> find(OrganizationId id) {
        return organizations.findById(id.value()).map(OrganizationDocument::toOrganization);
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<Organization> findByCode(String code) {
        return code == null ? Optional.empty() : organizations.findByCode(code.strip()).map(OrganizationDocument::toOrganization);
    }

    /**
     * Imports organizations, all or nothing: every record is validated first, and when any is
     * invalid nothing is written and every problem is reported by line and column. Records whose
     * code exists update that organization; the others are created.
     *
     * @param firstLine the file line of the first record (2 when line 1 is the header)
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public ImportReport importOrganizations(List<OrganizationRecord> records, int firstLine) {
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> codesInFile = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            OrganizationRecord r = records.get(i);
            int line = firstLine + i;
            problems.addAll(OrganizationValidator.validate(r, line));
            if (r.code() != null && !codesInFile.add(r.code().strip())) {
                problems.add(new ImportProblem(line, "code", "import.error.duplicateCode", List.of(r.code().strip())));
            }
        }
        if (!problems.isEmpty()) {
            return new ImportReport(0, 0, problems);
        }
        Map<String, OrganizationDocument> existing = new HashMap<>();
        Query all = new Query();
        all.fields().exclude("searchGrams");
        for (OrganizationDocument doc : mongo.find(all, OrganizationDocument.class)) {
            existing.put(doc.code, doc);
        }
        Instant now = clock.instant();
        List<OrganizationDocument> inserts = new ArrayList<>();
        int updated = 0;
        for (OrganizationRecord r : records) {
            OrganizationDocument doc = existing.get(r.code().strip());
            if (doc == null) {
                doc = new OrganizationDocument();
                doc.apply(r, now);
                inserts.add(doc);
            } else {
                doc.apply(r, now);
                mongo.save(doc);
                updated++;
            }
        }
        if (!inserts.isEmpty()) {
            mongo.insertAll(inserts);
        }
        return new ImportReport(inserts.size(), updated, List.of());
    }

    @PreAuthorize("isAuthenticated()")
    public long count() {
        return organizations.count();
    }
}
