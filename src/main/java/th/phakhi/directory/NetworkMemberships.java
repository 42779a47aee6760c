package th.phakhi.directory;

import java.util.List;
import java.util.Locale;
import th.phakhi.shared.i18n.Language;

/**
 * What the directory needs to know about networks, provided by the network module (which
 * depends on the directory, so the directory cannot call it directly): the networks an
 * organization belongs to, and whether two organizations share one — for profiles and for
 * contact details visible to "members of networks we share".
 */
public interface NetworkMemberships {

    /** Networks the organization belongs to that the current user may see. */
    List<NetworkRef> networksOf(OrganizationId organization);

    /** Organizations that share at least one network with this one (itself excluded). */
    java.util.Set<OrganizationId> partnersOf(OrganizationId organization);

    record NetworkRef(String id, String nameTh, String nameEn) {
        public String name(Locale locale) {
            return Language.of(locale) == Language.EN && nameEn != null && !nameEn.isBlank() ? nameEn : nameTh;
        }
    }
}
