package th.phakhi.audit;

/** Provided by a module that records audit entries: who may read the scopes it owns. */
public interface AuditReadPolicy {

    /** True when this policy owns the scope (e.g. every {@code network:*} scope). */
    boolean owns(String scope);

    /** Whether the signed-in user may read the scope. */
    boolean canRead(String scope);
}
