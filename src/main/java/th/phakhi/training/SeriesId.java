package th.phakhi.training;

import java.io.Serializable;
import java.util.Objects;

public record SeriesId(String value) implements Serializable {
    public SeriesId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
