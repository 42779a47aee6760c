package th.phakhi.network;

import java.io.Serializable;
import java.util.Objects;

/** Identity of a network. Other modules refer to networks by this id only. */
public record NetworkId(String value) implements Serializable {
    public NetworkId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
