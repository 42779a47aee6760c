package th.phakhi.security;

import java.io.Serializable;
import java.util.Objects;

/** Identity of an account. Other modules refer to accounts by this id only. */
public record AccountId(String value) implements Serializable {
    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
