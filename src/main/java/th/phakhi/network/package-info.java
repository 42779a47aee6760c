/**
 * Networks of local government organizations: creating them, voluntary membership (requests and
 * invitations), the charter (vision, goals) and the operating structure (positions), and the
 * network roles that follow. Public API: {@link th.phakhi.network.NetworkService},
 * {@link th.phakhi.network.MembershipService}, {@link th.phakhi.network.CharterService},
 * {@link th.phakhi.network.NetworkAccess} and the records and events they use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Networks")
package th.phakhi.network;
