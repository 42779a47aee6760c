package th.phakhi.announcement;

import java.io.Serializable;
import java.util.Objects;

public record AnnouncementId(String value) implements Serializable {
    public AnnouncementId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
