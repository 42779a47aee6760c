/**
 * Demo data: the organizations of Chiang Mai and Khon Kaen and a dozen fictional people with
 * accounts, so that a first run shows a living Phakhi. On by default on the embedded database,
 * off on a real database unless {@code phakhi.demo.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package th.phakhi.demo;
