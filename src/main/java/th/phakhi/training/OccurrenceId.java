package th.phakhi.training;

import java.io.Serializable;
import java.util.Objects;

public record OccurrenceId(String value) implements Serializable {
    public OccurrenceId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
