/**
 * Working groups (คณะทำงาน) of a network: mandate, lead, members, status. Network
 * administrators create them; members ask to join and the lead decides. Each group has a chat
 * room (the chat module); closed groups are read-only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working groups")
package th.phakhi.workinggroup;
