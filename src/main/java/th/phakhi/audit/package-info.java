/**
 * Audit log of administrative actions. Modules record entries under a scope
 * ({@code platform}, {@code network:<id>}); who may read a scope is decided by
 * {@link th.phakhi.audit.AuditReadPolicy} beans the owning modules provide.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package th.phakhi.audit;
