package th.phakhi.directory;

import java.util.List;
import th.phakhi.security.AccountId;

/**
 * A person in the directory. Contact fields are empty when the viewer may not see them (the
 * person's {@link ContactVisibility} decides; see {@link #contactHidden}).
 */
public record Person(PersonId id, OrganizationId organizationId, AccountId accountId, String title, String firstName,
                     String lastName, Position position, String positionDetail, List<String> responsibilities,
                     List<String> expertise, String phone, String email, String lineId,
                     ContactVisibility contactVisibility, boolean contactHidden) {

    public Person {
        responsibilities = responsibilities == null ? List.of() : List.copyOf(responsibilities);
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
    }

    /** Name as Thai readers expect it: title joined to the first name ("นายสมชาย ใจดี"). */
    public String fullName() {
        return ((title == null ? "" : title) + firstName + " " + lastName).strip();
    }
}
