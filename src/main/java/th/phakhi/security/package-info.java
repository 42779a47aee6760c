/**
 * Accounts, sign-in, roles and the current user. Public API: {@link th.phakhi.security.AccountService},
 * {@link th.phakhi.security.CurrentUser}, {@link th.phakhi.security.SystemRunner}; everything under
 * {@code internal} is private to this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package th.phakhi.security;
