/**
 * The app shell: the main layout with its menu, header and user menu, the home page, error
 * pages, and choosing each UI's language. Depends on the other modules; none depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shell")
package th.phakhi.shell;
