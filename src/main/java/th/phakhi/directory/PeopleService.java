package th.phakhi.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import th.phakhi.directory.internal.OrganizationRepository;
import th.phakhi.directory.internal.PersonDocument;
import th.phakhi.directory.internal.PersonRepository;
import th.phakhi.security.AccountId;
import th.phakhi.security.CurrentUser;
import th.phakhi.shared.UserFacingException;
import th.phakhi.shared.text.ThaiText;

/** People of the organizations: who does what, and whom to contact. */
@Service
public class PeopleService {

    public static final int MAX_NAME = 100;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 60;

    private final PersonRepository people;
    private final OrganizationRepository organizations;
    private final Clock clock;

    PeopleService(PersonRepository people, OrganizationRepository organizations, Clock clock) {
        this.people = people;
        this.organizations = organizations;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Person createPerson(NewPerson request) {
        if (request.organizationId() == null || !organizations.existsById(request.organizationId().value())) {
            throw new UserFacingException("error.notFound");
        }
        String first = required(request.firstName(), MAX_NAME);
        String last = required(request.lastName(), MAX_NAME);
        PersonDocument doc = new PersonDocument();
        doc.organizationId = request.organizationId().value();
        doc.accountId = request.accountId() == null ? null : request.accountId().value();
        doc.title = optional(request.title(), 30);
        doc.firstName = first;
        doc.lastName = last;
        doc.position = request.position() == null ? Position.STAFF : request.position();
        doc.positionDetail = optional(request.positionDetail(), MAX_NAME);
        doc.responsibilities = tags(request.responsibilities());
        doc.expertise = tags(request.expertise());
        doc.phone = optional(request.phone(), 60);
        doc.email = optional(request.email(), 200);
        doc.lineId = optional(request.lineId(), 60);
        doc.contactVisibility = request.contactVisibility() == null ? ContactVisibility.SHARED_NETWORKS
                : request.contactVisibility();
        Instant now = clock.instant();
        doc.createdAt = now;
        doc.updatedAt = now;
        doc.searchGrams = ThaiText.indexGrams(searchText(doc));
        return toPerson(people.insert(doc), false);
    }

    /** The directory entry of the signed-in user, if their account is linked to one. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Person> me() {
        return CurrentUser.accountId().flatMap(id -> people.findByAccountId(id.value())).map(doc -> toPerson(doc, false));
    }

    static String[] searchText(PersonDocument doc) {
        List<String> parts = new ArrayList<>();
        parts.add(doc.firstName);
        parts.add(doc.lastName);
        parts.addAll(doc.responsibilities);
        parts.addAll(doc.expertise);
        if (doc.positionDetail != null) {
            parts.add(doc.positionDetail);
        }
        return parts.toArray(String[]::new);
    }

    static Person toPerson(PersonDocument doc, boolean hideContact) {
        return new Person(new PersonId(doc.id), new OrganizationId(doc.organizationId),
                doc.accountId == null ? null : new AccountId(doc.accountId), doc.title, doc.firstName, doc.lastName,
                doc.position, doc.positionDetail, doc.responsibilities, doc.expertise,
                hideContact ? null : doc.phone, hideContact ? null : doc.email, hideContact ? null : doc.lineId,
                doc.contactVisibility, hideContact);
    }

    private static String required(String value, int max) {
        if (value == null || value.isBlank()) {
            throw new UserFacingException("validation.required");
        }
        if (value.strip().length() > max) {
            throw new UserFacingException("validation.tooLong", max);
        }
        return value.strip();
    }

    private static String optional(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new UserFacingException("validation.tooLong", max);
        }
        return value.strip();
    }

    private static List<String> tags(List<String> tags) {
        if (tags == null) {
            return new ArrayList<>();
        }
        List<String> clean = tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        if (clean.size() > MAX_TAGS || clean.stream().anyMatch(t -> t.length() > MAX_TAG)) {
            throw new UserFacingException("person.error.tags", MAX_TAGS, MAX_TAG);
        }
        return new ArrayList<>(clean);
    }
}
