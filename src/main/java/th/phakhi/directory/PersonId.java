package th.phakhi.directory;

import java.io.Serializable;
import java.util.Objects;

/** Identity of a person in the directory. */
public record PersonId(String value) implements Serializable {
    public PersonId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
