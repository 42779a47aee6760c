/**
 * The directory: Thai local government organizations (the LAO registry and their profiles), the
 * people who work in them, and who does what. Public API: {@link th.phakhi.directory.DirectoryService},
 * {@link th.phakhi.directory.PeopleService} and the records they return.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package th.phakhi.directory;
