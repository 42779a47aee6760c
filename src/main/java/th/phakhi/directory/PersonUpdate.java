package th.phakhi.directory;

import java.util.List;

/** What a person (or their organization's administrators) may change in a directory entry. */
public record PersonUpdate(String title, String firstName, String lastName, Position position, String positionDetail,
                           List<String> responsibilities, List<String> expertise, String phone, String email,
                           String lineId, ContactVisibility contactVisibility) {
}
