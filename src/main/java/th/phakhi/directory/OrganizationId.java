package th.phakhi.directory;

import java.io.Serializable;
import java.util.Objects;

/** Identity of an organization. Other modules refer to organizations by this id only. */
public record OrganizationId(String value) implements Serializable {
    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
