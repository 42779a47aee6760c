package th.phakhi.directory;

import java.io.InputStream;
import java.time.Clock;
import java.util.Collection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.directory.ImportReport.ImportProblem;
import th.phakhi.directory.internal.OrganizationCsv;
import th.phakhi.directory.internal.OrganizationDocument;
import th.phakhi.directory.internal.OrganizationRepository;
import th.phakhi.directory.internal.OrganizationValidator;
import th.phakhi.security.CurrentUser;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.text.ThaiText;

/** The organization registry: search, profiles, and import by platform administrators. */
@Service
public class DirectoryService {

    public static final int MAX_RESULTS = 200;

    private static final Logger log = LoggerFactory.getLogger(DirectoryService.class);

    private final OrganizationRepository organizations;
    private final PeopleService people;
    private final DirectoryAccess access;
    private final ObjectProvider<NetworkMemberships> networkMemberships;
    private final MongoTemplate mongo;
    private final Clock clock;

    DirectoryService(OrganizationRepository organizations, PeopleService people, DirectoryAccess access,
                     ObjectProvider<NetworkMemberships> networkMemberships, MongoTemplate mongo, Clock clock) {
        this.organizations = organizations;
        this.people = people;
        this.access = access;
        this.networkMemberships = networkMemberships;
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
        List<Integer> lines = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            lines.add(firstLine + i);
        }
        return importChecked(records, lines, List.of());
    }

    /** Imports a CSV file in the documented format (docs/import-format.md), all or nothing. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public ImportReport importCsv(InputStream csv) {
        OrganizationCsv.Parsed parsed = OrganizationCsv.parse(csv);
        return importChecked(parsed.records(), parsed.lines(), parsed.problems());
    }

    private ImportReport importChecked(List<OrganizationRecord> records, List<Integer> lines,
                                       List<ImportProblem> readProblems) {
        List<ImportProblem> problems = new ArrayList<>(readProblems);
        Set<String> codesInFile = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            OrganizationRecord r = records.get(i);
            int line = lines.get(i);
            problems.addAll(OrganizationValidator.validate(r, line));
            if (r.code() != null && !codesInFile.add(r.code().strip())) {
                problems.add(new ImportProblem(line, "code", "import.error.duplicateCode", List.of(r.code().strip())));
            }
        }
        if (records.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(0, "", "import.error.empty", List.of()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ImportProblem::line));
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
        for (int from = 0; from < inserts.size(); from += 1000) {
            mongo.insertAll(inserts.subList(from, Math.min(inserts.size(), from + 1000)));
        }
        log.info("Imported organizations: {} created, {} updated", inserts.size(), updated);
        return new ImportReport(inserts.size(), updated, List.of());
    }

    /** The profile page of an organization: details, people, networks, and what the viewer may change. */
    @PreAuthorize("isAuthenticated()")
    public Optional<OrganizationProfile> profile(OrganizationId id) {
        if (id == null) {
            return Optional.empty();
        }
        return organizations.findById(id.value()).map(doc -> {
            List<Person> staff = people.visiblePeopleOf(id);
            List<NetworkMemberships.NetworkRef> networks = networkMemberships.getIfAvailable() == null ? List.of()
                    : networkMemberships.getObject().networksOf(id);
            List<PersonId> delegates = doc.delegatesOrEmpty().stream().map(PersonId::new).toList();
            return new OrganizationProfile(doc.toOrganization(), doc.toRecord(), staff, delegates, networks,
                    access.canEdit(id), access.canDelegate(id));
        });
    }

    /**
     * Saves an organization's profile. Its own administrators change the profile fields; the
     * registry identity (code, type, names, province) stays as imported unless a platform
     * administrator changes it.
     */
    @PreAuthorize("@directoryAccess.canEdit(#id)")
    public Organization updateProfile(OrganizationId id, OrganizationRecord changes) {
        OrganizationDocument doc = organizations.findById(id.value())
                .orElseThrow(() -> new UserFacingException("error.notFound"));
        OrganizationRecord current = doc.toRecord();
        boolean platformAdmin = CurrentUser.get().map(u -> u.isPlatformAdmin()).orElse(false);
        OrganizationRecord merged = new OrganizationRecord(
                platformAdmin ? changes.code() : current.code(),
                platformAdmin ? changes.type() : current.type(),
                platformAdmin ? changes.nameTh() : current.nameTh(),
                platformAdmin ? changes.nameEn() : current.nameEn(),
                platformAdmin ? changes.provinceCode() : current.provinceCode(),
                platformAdmin ? changes.districtTh() : current.districtTh(),
                platformAdmin ? changes.districtEn() : current.districtEn(),
                changes.address(), changes.postcode(), changes.phone(), changes.fax(), changes.email(),
                changes.website(), changes.populationMale(), changes.populationFemale(), changes.areaKm2(),
                changes.communities(), changes.revenueBaht(), changes.subsidiesBaht(), changes.councilSeatsMale(),
                changes.councilSeatsFemale(), changes.vision(), changes.executiveTeam());
        List<ImportProblem> problems = OrganizationValidator.validate(merged, 0);
        if (!problems.isEmpty()) {
            throw new InvalidOrganizationException(problems);
        }
        if (!merged.code().strip().equals(doc.code) && organizations.findByCode(merged.code().strip()).isPresent()) {
            throw new UserFacingException("import.error.codeTaken", merged.code().strip());
        }
        doc.apply(merged, clock.instant());
        return mongo.save(doc).toOrganization();
    }

    /** The leader chooses who else may administer the organization (people of the same organization). */
    @PreAuthorize("@directoryAccess.canDelegate(#id)")
    public void setDelegates(OrganizationId id, List<PersonId> delegates) {
        OrganizationDocument doc = organizations.findById(id.value())
                .orElseThrow(() -> new UserFacingException("error.notFound"));
        List<String> ids = delegates.stream().map(PersonId::value).distinct().toList();
        for (String personId : ids) {
            if (!people.belongsTo(new PersonId(personId), id)) {
                throw new UserFacingException("org.error.delegateOutside");
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.id)),
                new org.springframework.data.mongodb.core.query.Update().set("delegates", ids)
                        .set("updatedAt", clock.instant()), OrganizationDocument.class);
    }

    /** Organizations by id, for lists in other modules (unknown ids are left out). */
    @PreAuthorize("isAuthenticated()")
    public Map<OrganizationId, Organization> organizations(Collection<OrganizationId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(ids.stream().map(OrganizationId::value).toList()));
        query.fields().include("code", "type", "nameTh", "nameEn", "provinceCode", "districtTh", "districtEn");
        Map<OrganizationId, Organization> result = new HashMap<>();
        for (OrganizationDocument doc : mongo.find(query, OrganizationDocument.class)) {
            result.put(new OrganizationId(doc.id), doc.toOrganization());
        }
        return result;
    }

    @PreAuthorize("isAuthenticated()")
    public long count() {
        return organizations.count();
    }
}
