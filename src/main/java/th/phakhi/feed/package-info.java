/**
 * The network's updates feed (ความเคลื่อนไหว): short posts by members, and what happened in the
 * rest of Phakhi (an organization joined, a working group was created, an announcement was
 * published, a training was scheduled). Live and paged back in time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feed")
package th.phakhi.feed;
