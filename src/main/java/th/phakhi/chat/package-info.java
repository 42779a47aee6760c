/**
 * Chat: the network's general room and each working group's room. Messages with a per-room
 * sequence and a client id (stored once), replies, mentions, reactions, edits and deletions,
 * history by keyset, unread counts, search with Thai segmentation, live delivery through the
 * realtime module to Vaadin screens and STOMP clients.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat")
package th.phakhi.chat;
