/**
 * Live delivery across app nodes: changes users must see at once are written as small events
 * to MongoDB; one change stream per node watches them and fans them out in memory to that node's
 * subscribers — open Vaadin views and STOMP clients. Also the STOMP endpoint {@code /ws} and its
 * authentication (personal API tokens, or the browser session with CSRF and origin checks).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Realtime")
package th.phakhi.realtime;
