package th.phakhi.workinggroup;

import java.io.Serializable;
import java.util.Objects;

public record WorkingGroupId(String value) implements Serializable {
    public WorkingGroupId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
