package th.phakhi.directory;

import java.util.List;
import th.phakhi.security.AccountId;

/** A person to add to the directory; {@code accountId} links them to their sign-in account, if any. */
public record NewPerson(OrganizationId organizationId, AccountId accountId, String title, String firstName,
                        String lastName, Position position, String positionDetail, List<String> responsibilities,
                        List<String> expertise, String phone, String email, String lineId,
                        ContactVisibility contactVisibility) {
}
