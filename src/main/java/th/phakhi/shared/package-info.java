/**
 * Shared kernel: i18n (translations, Thai dates), Thai text utilities, the embedded MongoDB
 * server, and the app shell ({@code shared.ui}). Every module may use it; it uses no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package th.phakhi.shared;
